using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>
/// Image overrides for sources kustomize does not render (Helm charts, plain folders): the container images of the
/// rendered manifests are set as `kustomize edit set image` would set them — same name, new name, tag or digest.
/// </summary>
internal static class RenderedImages
{
    public static void Override(IEnumerable<Manifest> manifests, IReadOnlyList<string> overrides)
    {
        var entries = overrides.Select(KustomizeImage.Parse).ToList();
        foreach (var container in manifests.SelectMany(m => Containers.Of(m.Json)).ToList())
        {
            if (container["image"] is JsonValue image && Replacement(image.ToString(), entries) is { } replaced)
            {
                container["image"] = replaced;
            }
        }
    }

    private static string? Replacement(string reference, List<JsonObject> entries)
    {
        var (name, tag, digest) = Split(reference);
        var entry = entries.LastOrDefault(e => e["name"]?.ToString() == name);
        if (entry is null)
        {
            return null;
        }

        var newName = entry["newName"]?.ToString() ?? name;
        var (newTag, newDigest) = (entry["newTag"]?.ToString(), entry["digest"]?.ToString());
        if (newTag is null && newDigest is null)
        {
            return newName + (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest);
        }

        return newName + (newTag is null ? "" : ":" + newTag) + (newDigest is null ? "" : "@" + newDigest);
    }

    private static (string Name, string? Tag, string? Digest) Split(string reference)
    {
        var (image, digest) = reference.Split('@', 2) is [var i, var d] ? (i, d) : (reference, null);
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..], digest) : (image, null, digest);
    }
}
