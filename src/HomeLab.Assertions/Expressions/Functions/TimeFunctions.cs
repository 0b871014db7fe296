using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>
/// kyverno's time functions as Chainsaw runs them: times are RFC 3339 text (or a Go layout where one is
/// passed), durations Go's (<c>1h30m0s</c>), and "now" is the evaluation's <see cref="TimeProvider"/>.
/// </summary>
internal static class TimeFunctions
{
    public static IEnumerable<ChainsawFunction> All()
    {
        yield return new DelegateFunction("time_now", 0, 0, (_, _) => new JValue(GoTime.Rfc3339(EvaluationScope.Context.TimeProvider.GetLocalNow())));
        yield return new DelegateFunction("time_now_utc", 0, 0, (_, _) => new JValue(GoTime.Rfc3339(EvaluationScope.Context.TimeProvider.GetUtcNow())));
        yield return new DelegateFunction("time_since", 3, 3, (f, a) =>
        {
            var layout = f.String(a, 0);
            var start = GoTime.Parse(layout, f.String(a, 1), f.Name);
            var endText = f.String(a, 2);
            var end = endText.Length == 0 ? EvaluationScope.Context.TimeProvider.GetUtcNow() : GoTime.Parse(layout, endText, f.Name);
            return new JValue(GoDuration.Format(end - start));
        });
        yield return new DelegateFunction("time_to_cron", 1, 1, (f, a) =>
        {
            var t = Time(f, a, 0);
            return new JValue($"{t.Minute} {t.Hour} {t.Day} {t.Month} {(int)t.DayOfWeek}");
        });
        yield return new DelegateFunction("time_add", 2, 2, (f, a) => new JValue(GoTime.Rfc3339(Time(f, a, 0) + Duration(f, a, 1))));
        yield return new DelegateFunction("time_parse", 2, 2, (f, a) => new JValue(GoTime.Rfc3339(GoTime.Parse(f.String(a, 0), f.String(a, 1), f.Name))));
        yield return new DelegateFunction("time_utc", 1, 1, (f, a) => new JValue(GoTime.Rfc3339(Time(f, a, 0).ToUniversalTime())));
        yield return new DelegateFunction("time_diff", 2, 2, (f, a) => new JValue(GoDuration.Format(Time(f, a, 1) - Time(f, a, 0))));
        yield return new DelegateFunction("time_before", 2, 2, (f, a) => new JValue(Time(f, a, 0) < Time(f, a, 1)));
        yield return new DelegateFunction("time_after", 2, 2, (f, a) => new JValue(Time(f, a, 0) > Time(f, a, 1)));
        yield return new DelegateFunction("time_between", 3, 3, (f, a) =>
        {
            var t = Time(f, a, 0);
            return new JValue(t > Time(f, a, 1) && t < Time(f, a, 2));
        });
        yield return new DelegateFunction("time_truncate", 2, 2, (f, a) =>
        {
            var t = Time(f, a, 0);
            var step = Duration(f, a, 1);
            if (step <= TimeSpan.Zero)
            {
                return new JValue(GoTime.Rfc3339(t));
            }

            // Go truncates the absolute time (since year 1, UTC), whatever the zone it is shown in.
            var utc = t.UtcTicks;
            var truncated = new DateTimeOffset(utc - (utc % step.Ticks), TimeSpan.Zero).ToOffset(t.Offset);
            return new JValue(GoTime.Rfc3339(truncated));
        });
    }

    private static DateTimeOffset Time(DelegateFunction f, JToken[] a, int index) => GoTime.Parse(string.Empty, f.String(a, index), f.Name);

    private static TimeSpan Duration(DelegateFunction f, JToken[] a, int index) => GoDuration.TryParse(f.String(a, index), out var d)
        ? d
        : throw new ExpressionException($"{f.Name}: '{f.String(a, index)}' is not a duration (write 1h30m, 250ms)");
}
