using System.Globalization;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// `kubectl argo rollouts restart --in` as the plugin reads it (DurationString.Duration): a bare integer is seconds,
/// anything else a Go duration ("30s", "5m", "1h30m").
/// </summary>
public static class RestartDelay
{
    /// <summary>The delay, or null when the text is neither.</summary>
    public static TimeSpan? Parse(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : GoDuration.Parse(text);
}
