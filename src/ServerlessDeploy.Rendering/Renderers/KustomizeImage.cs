using System.Text.Json.Nodes;
using ServerlessDeploy.Rendering.Sources;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>
/// An image override as `kustomize edit set image` takes it: "name=newName:tag", "name:tag", "name@sha256:…" or
/// "name=newName@sha256:…", turned into a kustomization images entry.
/// </summary>
internal static class KustomizeImage
{
    public static JsonObject Parse(string text)
    {
        var (name, replacement) = text.Split('=', 2) is [var n, var r] ? (n, r) : (null, text);
        var (image, digest) = replacement.Split('@', 2) is [var i, var d] ? (i, d) : (replacement, null);
        var colon = image.LastIndexOf(':');
        var (repository, tag) = colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, null);
        if (repository.Length == 0 || (tag is null && digest is null && name is null))
        {
            throw new RenderFailure($"kustomize image \"{text}\" needs a tag (image:tag), a digest (image@sha256:…) or a new name (name=newName)");
        }

        var entry = new JsonObject { ["name"] = name ?? repository };
        if (name is not null && name != repository)
        {
            entry["newName"] = repository;
        }

        if (tag is not null)
        {
            entry["newTag"] = tag;
        }

        if (digest is not null)
        {
            entry["digest"] = digest;
        }

        return entry;
    }
}
