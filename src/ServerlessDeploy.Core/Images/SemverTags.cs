using Semver;

namespace ServerlessDeploy.Core.Images;

/// <summary>Reads tags as semantic versions the way Image Updater's semver library does.</summary>
internal static class SemverTags
{
    // Masterminds' NewVersion, which Image Updater uses, accepts a 'v' prefix and leaves minor and patch optional ("1.2" is 1.2.0).
    private const SemVersionStyles Styles = SemVersionStyles.AllowV | SemVersionStyles.OptionalMinorPatch;

    public static SemVersion? Parse(string tag) => SemVersion.TryParse(tag, Styles, out var version) ? version : null;
}
