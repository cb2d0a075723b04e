using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Applications;

/// <summary>Go duration strings as Argo CD's retry backoff takes them: "5s", "2m", "1h30m", "500ms".</summary>
internal static partial class GoDuration
{
    public static TimeSpan? Parse(string text)
    {
        var parts = Part().Matches(text);
        if (text.Length == 0 || parts.Sum(m => m.Length) != text.Length)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex Part();
}
