using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Reads the options of one image-list entry. Every invalid annotation adds one error naming its key, and the
/// image is then left out: an image is never updated with options other than the ones the user wrote.
/// </summary>
internal static class ImageOptionsReader
{
    public static UpdatableImage? Read(ImageListEntry entry, IReadOnlyDictionary<string, string> annotations, List<string> errors, List<string> notes)
    {
        var lookup = new ImageAnnotationLookup(entry, annotations);
        var errorsBefore = errors.Count;
        var strategy = ReadStrategy(lookup, errors);
        var allowTags = ReadAllowTags(lookup, errors);
        var ignoreTags = ReadIgnoreTags(lookup, errors);
        var filter = allowTags is null && ignoreTags.Count == 0 ? TagFilter.Any : new TagFilter(allowTags, ignoreTags);
        var helm = ReadHelm(lookup, errors);
        var kustomizeImageName = ReadName(lookup, ImageUpdaterAnnotations.KustomizeImageName, errors);
        CheckConstraint(entry, strategy, errors);
        NoteIgnored(lookup, notes);
        return errors.Count == errorsBefore
            ? new UpdatableImage(entry.Key, entry.Name, entry.Constraint, strategy, filter, helm, kustomizeImageName)
            : null;
    }

    private static UpdateStrategy ReadStrategy(ImageAnnotationLookup lookup, List<string> errors)
    {
        if (lookup.Find(ImageUpdaterAnnotations.UpdateStrategy, applicationWide: true) is not (var key, var value))
        {
            return UpdateStrategy.Semver;
        }

        var strategy = UpdateStrategyNames.Parse(value);
        if (strategy is null)
        {
            errors.Add($"{key}: '{value}' is not an update strategy ({UpdateStrategyNames.Accepted})");
        }

        return strategy ?? UpdateStrategy.Semver;
    }

    private static Regex? ReadAllowTags(ImageAnnotationLookup lookup, List<string> errors)
    {
        if (lookup.Find(ImageUpdaterAnnotations.AllowTags, applicationWide: true) is not (var key, var value)
            || value.Length == 0 || value.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        const string RegexpPrefix = "regexp:";
        if (!value.StartsWith(RegexpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{key}: '{value}' is neither 'any' nor 'regexp:<expression>'");
            return null;
        }

        var expression = value[RegexpPrefix.Length..];
        try
        {
            // Non-backtracking, like Go's RE2 that Image Updater compiles with: linear time, no back-references.
            return new Regex(expression, RegexOptions.NonBacktracking);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            errors.Add($"{key}: regexp '{expression}' is not valid: {e.Message}");
            return null;
        }
    }

    private static List<TagGlob> ReadIgnoreTags(ImageAnnotationLookup lookup, List<string> errors)
    {
        if (lookup.Find(ImageUpdaterAnnotations.IgnoreTags, applicationWide: true) is not (var key, var value))
        {
            return [];
        }

        var globs = new List<TagGlob>();
        foreach (var pattern in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var glob = TagGlob.TryParse(pattern);
            if (glob is null)
            {
                errors.Add($"{key}: '{pattern}' is not a valid glob (check its [ ] classes and \\ escapes)");
            }
            else
            {
                globs.Add(glob);
            }
        }

        return globs;
    }

    private static HelmImageKeys? ReadHelm(ImageAnnotationLookup lookup, List<string> errors)
    {
        var name = ReadName(lookup, ImageUpdaterAnnotations.HelmImageName, errors);
        var tag = ReadName(lookup, ImageUpdaterAnnotations.HelmImageTag, errors);
        var spec = ReadName(lookup, ImageUpdaterAnnotations.HelmImageSpec, errors);
        return name is null && tag is null && spec is null ? null : new HelmImageKeys(name, tag, spec);
    }

    private static string? ReadName(ImageAnnotationLookup lookup, string option, List<string> errors)
    {
        if (lookup.Find(option) is not (var key, var value))
        {
            return null;
        }

        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            errors.Add($"{key}: '{value}' is empty or holds blanks");
            return null;
        }

        return value;
    }

    private static void CheckConstraint(ImageListEntry entry, UpdateStrategy strategy, List<string> errors)
    {
        const string Key = ImageUpdaterAnnotations.ImageList;
        if (strategy == UpdateStrategy.Semver && entry.Constraint is { } constraint && SemverConstraint.Parse(constraint) is null)
        {
            errors.Add($"{Key}: constraint '{constraint}' of image '{entry.Key}' is not a semver range (such as ~1.2, ^1.0, 1.2.x, >=1.0 <2.0)");
        }

        if (strategy == UpdateStrategy.Digest && entry.Constraint is null)
        {
            errors.Add($"{Key}: image '{entry.Key}' has update-strategy digest but no tag to follow; write {entry.Name}:<tag>");
        }
    }

    private static void NoteIgnored(ImageAnnotationLookup lookup, List<string> notes)
    {
        if (lookup.Find(ImageUpdaterAnnotations.Platforms) is (var platformsKey, _))
        {
            notes.Add($"{platformsKey}: not supported and ignored; an ECR push names no platform, so every pushed tag is considered");
        }

        if (lookup.Find(ImageUpdaterAnnotations.PullSecret) is (var secretKey, _))
        {
            notes.Add($"{secretKey}: ignored; ECR credentials come from the deployer's IAM role");
        }
    }
}
