using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Sets an image's entry in kustomization.yaml's `images:` (`name`, then `newName`, `newTag`, `digest`), in place when
/// the entry exists; otherwise the entry, or `images:` itself, is added after the last line of its parent.
/// </summary>
public static class KustomizationImagesEdit
{
    private const string Source = "kustomization.yaml";
    private const string NewFile = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

    /// <summary>
    /// The new text; <paramref name="text"/> is null when the file does not exist yet. A null field is left as it is
    /// (absent, or whatever the file holds).
    /// </summary>
    /// <exception cref="FormatException">Invalid YAML, or `images:` that is not a block list; names the line.</exception>
    public static string Apply(string? text, string imageName, string? newName, string? newTag, string? digest)
    {
        (string Key, string? Value)[] fields = [("newName", newName), ("newTag", newTag), ("digest", digest)];
        return fields.Aggregate(text ?? NewFile, (current, f) => f.Value is { } value ? Set(current, imageName, f.Key, value) : current);
    }

    private static string Set(string text, string imageName, string key, string value)
    {
        var documents = SpanTree.Parse(text, Source);
        var layout = YamlLayout.Of(text, documents);
        var root = documents.Count > 0 ? documents[0] : null;
        return root switch
        {
            null or SpanScalar { IsEmpty: true } => AddImages(text, text.Length, 0, imageName, key, value, layout),
            SpanMapping { Flow: false } mapping => SetInImages(text, mapping, imageName, key, value, layout),
            _ => throw new FormatException($"{Source}: line {root.Line}: the top level is not a block map"),
        };
    }

    private static string SetInImages(string text, SpanMapping root, string imageName, string key, string value, YamlLayout layout)
    {
        var images = root.Find("images");
        switch (images?.Value)
        {
            case null:
                return AddImages(text, root.ContentEnd, root.Column, imageName, key, value, layout);
            case SpanScalar { IsEmpty: true }:
                return BlockMappingEdit.InsertLines(text, images.Key.End, EntryLines(root.Column, root.Column + 2, imageName, key, value), layout);
            case SpanSequence { Flow: false } list:
                var entry = list.Items.OfType<SpanMapping>().FirstOrDefault(item => item.Find("name")?.Value is SpanScalar name && name.Value == imageName);
                if (entry is not null)
                {
                    return BlockMappingEdit.Set(text, entry, [key], value, layout, Source);
                }

                var keyColumn = list.Items.OfType<SpanMapping>().Select(item => item.Column).FirstOrDefault(list.Column + 2);
                return BlockMappingEdit.InsertLines(text, list.ContentEnd, EntryLines(list.Column, keyColumn, imageName, key, value), layout);
            default:
                throw new FormatException($"{Source}: line {images.Value.Line}: images is not a block list (`- name: …` lines), so it cannot be edited in place");
        }
    }

    private static string AddImages(string text, int after, int column, string imageName, string key, string value, YamlLayout layout) =>
        BlockMappingEdit.InsertLines(text, after, [new string(' ', column) + "images:", .. EntryLines(column, column + 2, imageName, key, value)], layout);

    // Kustomize writes its list items at the key's own indent: `images:` then `- name: …`.
    private static IEnumerable<string> EntryLines(int dashColumn, int keyColumn, string imageName, string key, string value) =>
    [
        new string(' ', dashColumn) + "-" + new string(' ', Math.Max(1, keyColumn - dashColumn - 1)) + "name: " + ScalarText.Render(imageName, ScalarStyle.Plain),
        new string(' ', keyColumn) + key + ": " + ScalarText.Render(value, ScalarStyle.Plain),
    ];
}
