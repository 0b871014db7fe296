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
}
