using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Images;

/// <summary>
/// <c>&lt;alias&gt;.allow-tags</c> and <c>&lt;alias&gt;.ignore-tags</c>: which tags a strategy may consider at all.
/// </summary>
/// <param name="AllowTags">The allow-tags expression, matched anywhere in a tag as Go's regexp does; null allows every tag.</param>
/// <param name="IgnoreTags">Globs of tags never considered.</param>
public sealed record TagFilter(Regex? AllowTags, IReadOnlyList<TagGlob> IgnoreTags)
{
    public static TagFilter Any { get; } = new(null, []);

    /// <summary>Why <paramref name="tag"/> is filtered out, or null when it passes.</summary>
    public string? Rejection(string tag)
    {
        if (AllowTags is not null && !AllowTags.IsMatch(tag))
        {
            return $"tag {tag} does not match allow-tags regexp:{AllowTags}";
        }

        var ignoredBy = IgnoreTags.FirstOrDefault(glob => glob.Matches(tag));
        return ignoredBy is null ? null : $"tag {tag} is ignored by ignore-tags ({ignoredBy.Pattern})";
    }
}
