using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>metav1.Time through JSON: read as RFC 3339, written back in UTC to the second, the zero instant as null.</summary>
internal static partial class GoTime
{
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    public static bool IsZero(DateTimeOffset time) => time.UtcTicks == 0;

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
