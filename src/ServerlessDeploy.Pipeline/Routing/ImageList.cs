namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// Argo CD Image Updater's <c>argocd-image-updater.argoproj.io/image-list</c> annotation:
/// <c>[&lt;alias&gt;=]&lt;image&gt;[:&lt;constraint&gt;], …</c>. Only the image names matter for routing.
/// </summary>
public static class ImageList
{
    public const string Annotation = "argocd-image-updater.argoproj.io/image-list";

    /// <summary>True when the app's image list names <paramref name="image"/> (registry/repository, no tag).</summary>
    public static bool Names(IReadOnlyDictionary<string, string> annotations, string image) =>
        annotations.TryGetValue(Annotation, out var list) && ImagesOf(list).Any(i => string.Equals(i, image, StringComparison.OrdinalIgnoreCase));

    /// <summary>The image names of a list, without aliases, tags, constraints or digests.</summary>
    public static IEnumerable<string> ImagesOf(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NameOf).Where(n => n.Length > 0);

    private static string NameOf(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        var image = equals < 0 ? entry : entry[(equals + 1)..].Trim();
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            image = image[..at];
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 ? image : image[..colon];
    }
}
