using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Changes the `image:` of matching containers in a plain Kubernetes YAML file, in place: only the value's characters
/// change, in the quoting it had, so comments, key order, indentation and line endings stay as they were.
/// </summary>
public static class PlainYamlImageEdit
{
    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>
    /// Every `image:` in a containers, initContainers or ephemeralContainers list, in any document, whose image name
    /// (registry and repository, without tag or digest) is <paramref name="imageName"/>, becomes <paramref name="newReference"/>.
    /// </summary>
    /// <exception cref="FormatException">Invalid YAML, or a matching image in a block scalar; names <paramref name="file"/> and the line.</exception>
    public static EditResult Apply(string text, string imageName, string newReference, string file)
    {
        var images = SpanTree.Parse(text, file)
            .SelectMany(ContainerImages)
            .Where(image => ImageReferences.NameOf(image.Value) == imageName && image.Value != newReference)
            .ToList();
        var changes = images.Select(image => new ImageChange(file, image.Line, image.Value, newReference)).ToList();
        var edits = images.Select(image => new TextEdit(image.Start, image.End, Replacement(image, newReference, file)));
        return new EditResult(TextEdit.ApplyAll(text, edits), changes);
    }

    private static IEnumerable<SpanScalar> ContainerImages(SpanNode node) => node switch
    {
        SpanMapping mapping => mapping.Entries.SelectMany(entry =>
            ContainerLists.Any(entry.HasKey) && entry.Value is SpanSequence containers
                ? containers.Items.OfType<SpanMapping>().Select(c => c.Find("image")?.Value).OfType<SpanScalar>()
                : ContainerImages(entry.Value)),
        SpanSequence sequence => sequence.Items.SelectMany(ContainerImages),
        _ => [],
    };

    private static string Replacement(SpanScalar image, string newReference, string file) =>
        image.Style is ScalarStyle.Literal or ScalarStyle.Folded
            ? throw new FormatException($"{file}: line {image.Line}: the image is a block scalar ('|' or '>'); write it on the key's line to let it be updated")
            : ScalarText.Render(newReference, image.Style);
}
