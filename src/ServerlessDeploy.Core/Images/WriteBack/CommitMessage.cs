namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>The write-back commit's message, in Argo CD Image Updater's style and template language.</summary>
public static class CommitMessage
{
    /// <summary>Image Updater's default: a title line, then one line per image.</summary>
    public const string DefaultTemplate = """
        build: automatic update of {{ .AppName }}

        {{ range .AppChanges -}}
        updates image {{ .Image }} tag '{{ .OldTag }}' to '{{ .NewTag }}'
        {{ end -}}

        """;

    /// <summary>
    /// Renders <paramref name="template"/> (default <see cref="DefaultTemplate"/>). Supported: Image Updater's
    /// `{{ .AppName }}` and `{{ range .AppChanges }}…{{ .Image }} {{ .OldTag }} {{ .NewTag }}…{{ end }}` with `{{-`/`-}}`
    /// trims, and the simple placeholders `{app}` and `{changes}` (the default's per-image lines). One change is
    /// reported per image and tag pair, even when the file held it in several places.
    /// </summary>
    /// <exception cref="FormatException">The template uses another action.</exception>
    public static string Render(string app, IReadOnlyList<ImageChange> changes, string? template)
    {
        var images = changes
            .Select(c => (Image: ImageReferences.NameOf(c.NewReference), OldTag: ImageReferences.TagOf(c.OldReference), NewTag: ImageReferences.TagOf(c.NewReference)))
            .Distinct()
            .ToList();
        var items = images.Select(c => (Func<string, string?>)(name => name switch
        {
            ".Image" => c.Image,
            ".OldTag" => c.OldTag,
            ".NewTag" => c.NewTag,
            _ => null,
        })).ToList();
        var changeLines = string.Concat(images.Select(c => $"updates image {c.Image} tag '{c.OldTag}' to '{c.NewTag}'\n"));
        return CommitTemplate.Render(template ?? DefaultTemplate, name => name == ".AppName" ? app : null, items)
            .Replace("{app}", app, StringComparison.Ordinal)
            .Replace("{changes}", changeLines, StringComparison.Ordinal);
    }
}
