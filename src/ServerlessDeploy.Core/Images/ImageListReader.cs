using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images;

/// <summary>Reads the image-list annotation: <c>[&lt;alias&gt;=]&lt;image&gt;[:&lt;constraint&gt;], …</c>.</summary>
internal static partial class ImageListReader
{
    private const string Key = ImageUpdaterAnnotations.ImageList;

    /// <summary>The valid entries, with aliases unique; every bad entry adds one error and is left out.</summary>
    public static IReadOnlyList<ImageListEntry> Read(string value, List<string> errors)
    {
        var entries = new List<ImageListEntry>();
        var errorsBefore = errors.Count;
        foreach (var text in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = ReadEntry(text, errors);
            if (entry is null)
            {
                continue;
            }

            if (entries.Any(e => e.Key == entry.Key))
            {
                errors.Add($"{Key}: alias '{entry.Key}' is used twice; give each image its own alias");
                continue;
            }

            entries.Add(entry);
        }

        if (entries.Count == 0 && errors.Count == errorsBefore)
        {
            errors.Add($"{Key}: names no image");
        }

        return entries;
    }

    private static ImageListEntry? ReadEntry(string text, List<string> errors)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var alias = equals < 0 ? null : text[..equals].Trim();
        var reference = text[(equals + 1)..].Trim();
        if (alias is { Length: 0 } || (alias is not null && alias.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{Key}: '{text}' has an empty or blank alias before '='");
            return null;
        }

        if (reference.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{Key}: '{text}' pins a digest; list the tag to follow and set update-strategy digest");
            return null;
        }

        // The constraint starts at the last ':' after the last '/'; an earlier ':' is a registry port.
        var colon = reference.LastIndexOf(':');
        var hasConstraint = colon > reference.LastIndexOf('/');
        var name = hasConstraint ? reference[..colon] : reference;
        var constraint = hasConstraint ? reference[(colon + 1)..].Trim() : null;
        if (!ImageName().IsMatch(name))
        {
            errors.Add($"{Key}: '{name}' in '{text}' is not an image name");
            return null;
        }

        if (constraint is { Length: 0 })
        {
            errors.Add($"{Key}: '{text}' has nothing after ':'; write a constraint or leave the ':' out");
            return null;
        }

        return new ImageListEntry(alias, name, constraint);
    }

    // An optional registry host (with port), then lower-case path components, as the distribution spec allows.
    [GeneratedRegex(@"^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex ImageName();
}
