using System.Globalization;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>An age as kubectl prints it (k8s.io/apimachinery/pkg/util/duration.HumanDuration): "45s", "3m20s", "5h", "2d3h".</summary>
internal static class HumanDuration
{
    public static string Of(TimeSpan age)
    {
        if (age < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }

        var seconds = (long)Math.Max(0, age.TotalSeconds);
        var (minutes, hours) = (seconds / 60, seconds / 3600);
        return seconds switch
        {
            < 60 * 2 => $"{N(seconds)}s",
            _ when minutes < 10 => seconds % 60 == 0 ? $"{N(minutes)}m" : $"{N(minutes)}m{N(seconds % 60)}s",
            _ when minutes < 60 * 3 => $"{N(minutes)}m",
            _ when hours < 8 => minutes % 60 == 0 ? $"{N(hours)}h" : $"{N(hours)}h{N(minutes % 60)}m",
            _ when hours < 48 => $"{N(hours)}h",
            _ when hours < 24 * 8 => hours % 24 == 0 ? $"{N(hours / 24)}d" : $"{N(hours / 24)}d{N(hours % 24)}h",
            _ when hours < 24 * 365 * 2 => $"{N(hours / 24)}d",
            _ when hours < 24 * 365 * 8 => (hours / 24) % 365 == 0 ? $"{N(hours / 24 / 365)}y" : $"{N(hours / 24 / 365)}y{N((hours / 24) % 365)}d",
            _ => $"{N(hours / 24 / 365)}y",
        };
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
