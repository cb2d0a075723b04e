namespace ServerlessDeploy.Core.Images;

/// <summary>
/// An app's Argo CD Image Updater annotations: which images follow their registry, how each new tag is chosen,
/// and where it is written back.
/// </summary>
/// <param name="GitBranch">The branch a Git write-back checks out; null is the app's own branch.</param>
/// <param name="GitWriteBranch">The branch it commits to when git-branch is <c>&lt;base&gt;:&lt;target&gt;</c>; null is <paramref name="GitBranch"/>.</param>
/// <param name="Target">The file a Git write-back edits; null is Image Updater's <c>.argocd-source-&lt;app&gt;.yaml</c> (or the manifest itself for plain YAML).</param>
/// <param name="Notes">Annotations accepted but not acted on, each naming its key, for the app's status.</param>
public sealed record ImageUpdaterConfig(
    IReadOnlyList<UpdatableImage> Images,
    WriteBackMethod Method,
    string? GitBranch,
    string? GitWriteBranch,
    WriteBackTarget? Target,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Reads the annotations of an Application. No image-list gives no config and no error. Every invalid
    /// annotation gives one error naming its key; an invalid image option leaves that image out and the others
    /// in, an invalid write-back annotation leaves the config out. Either way the app's other syncs go on.
    /// </summary>
    public static (ImageUpdaterConfig? Config, IReadOnlyList<string> Errors) Read(IReadOnlyDictionary<string, string> annotations)
    {
        if (!annotations.TryGetValue(ImageUpdaterAnnotations.ImageList, out var imageList))
        {
            return (null, []);
        }

        var errors = new List<string>();
        var notes = new List<string>();
        var writeBack = WriteBackReader.Read(annotations, errors, notes);
        var images = ImageListReader.Read(imageList, errors)
            .Select(entry => ImageOptionsReader.Read(entry, annotations, errors, notes))
            .OfType<UpdatableImage>()
            .ToList();
        var config = writeBack is null || images.Count == 0
            ? null
            : new ImageUpdaterConfig(images, writeBack.Method, writeBack.GitBranch, writeBack.GitWriteBranch, writeBack.Target, notes);
        return (config, errors);
    }
}
