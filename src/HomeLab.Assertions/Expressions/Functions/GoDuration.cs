using System.Globalization;
using System.Text;

namespace HomeLab.Assertions.Expressions.Functions;

/// <summary>Formats a duration as Go's <c>time.Duration.String</c> does (<c>1h2m3.5s</c>, <c>250ms</c>), since Chainsaw tests compare against that text.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        var ticks = Math.Abs(duration.Ticks);
        if (ticks < TimeSpan.TicksPerSecond)
        {
            return ticks < TimeSpan.TicksPerMillisecond
                ? sign + (ticks / 10.0).ToString("0.###", CultureInfo.InvariantCulture) + "µs"
                : sign + ((double)ticks / TimeSpan.TicksPerMillisecond).ToString("0.####", CultureInfo.InvariantCulture) + "ms";
        }

        var builder = new StringBuilder(sign);
        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var seconds = (double)(ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond;
        if (hours > 0)
        {
            builder.Append(hours).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            builder.Append(minutes).Append('m');
        }

        return builder.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s').ToString();
    }

    /// <summary>Parses Go's duration text: <c>5s</c>, <c>1m30s</c>, <c>250ms</c>, <c>1.5h</c>.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        var negative = s.StartsWith('-');
        s = s.TrimStart('-', '+');
        if (s == "0")
        {
            return true;
        }

        var i = 0;
        double total = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            double? ticksPerUnit = s[unitStart..i] switch
            {
                "ns" => 0.01,
                "us" or "µs" => 10,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (ticksPerUnit is null)
            {
                return false;
            }

            total += number * ticksPerUnit.Value;
        }

        duration = TimeSpan.FromTicks((long)(negative ? -total : total));
        return true;
    }
}
