using System.Globalization;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>Times and latencies as the timeline writes them: UTC to the millisecond, spans in the largest unit that reads well.</summary>
public static class TimelineText
{
    public static string When(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture) ?? "–";

    public static string Span(TimeSpan? span)
    {
        if (span is not { } value)
        {
            return "";
        }

        return value.Duration() switch
        {
            { TotalSeconds: < 1 } => $"{value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
            { TotalMinutes: < 1 } => $"{value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
            _ => $"{value.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min",
        };
    }
}
