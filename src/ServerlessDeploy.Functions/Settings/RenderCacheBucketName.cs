using System.Text.RegularExpressions;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>An S3 bucket name as S3 accepts it for a new bucket: 3 to 63 lower-case letters, digits, dots and hyphens, a letter or digit at each end.</summary>
internal static partial class RenderCacheBucketName
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex Pattern();
}
