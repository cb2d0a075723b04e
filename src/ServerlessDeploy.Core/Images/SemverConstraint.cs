using System.Text.RegularExpressions;
using Semver;

namespace ServerlessDeploy.Core.Images;

/// <summary>
/// A semver constraint of the image-list (<c>~1.2</c>, <c>^1.0</c>, <c>1.2.x</c>, <c>&gt;=1.0 &lt;2.0</c>), read as
/// npm ranges. Pre-releases follow Image Updater's library: a constraint that names a pre-release anywhere
/// (<c>&gt;=1.0.0-0</c>, <c>^1.0-0</c>) admits every pre-release in its range; any other constraint admits none.
/// </summary>
internal sealed partial class SemverConstraint
{
    private readonly SemVersionRange _range;

    private SemverConstraint(string text, SemVersionRange range, bool admitsPrereleases)
    {
        Text = text;
        _range = range;
        AdmitsPrereleases = admitsPrereleases;
    }

    public string Text { get; }

    public bool AdmitsPrereleases { get; }

    /// <summary>The constraint, or null when <paramref name="text"/> is not a range.</summary>
    public static SemverConstraint? Parse(string text)
    {
        var admitsPrereleases = NamesPrerelease().IsMatch(text);
        return SemVersionRange.TryParseNpm(WithoutPartialPrereleases(text), admitsPrereleases, out var range)
            ? new SemverConstraint(text, range, admitsPrereleases)
            : null;
    }

    public bool Contains(SemVersion version) => _range.Contains(version);

    /// <summary>
    /// npm ranges refuse a pre-release on a partial version (<c>1.x-0</c>, <c>^1.0-0</c>), which Image Updater's
    /// library reads as "this range, pre-releases included"; the range admits them all already, so the suffix goes.
    /// </summary>
    private static string WithoutPartialPrereleases(string text) => VersionWithPrerelease().Replace(text, match =>
    {
        var version = match.Groups["version"].Value;
        var parts = version.TrimStart('v', 'V').Split('.');
        return parts.Length == 3 && parts.All(p => p.All(char.IsAsciiDigit)) ? match.Value : version;
    });

    // A '-' that follows a version character directly starts a pre-release; a hyphen range has spaces around it.
    [GeneratedRegex(@"[0-9xX*]-[0-9A-Za-z]")]
    private static partial Regex NamesPrerelease();

    [GeneratedRegex(@"(?<version>[vV]?[0-9xX*]+(?:\.[0-9xX*]+){0,2})-[0-9A-Za-z.-]+")]
    private static partial Regex VersionWithPrerelease();
}
