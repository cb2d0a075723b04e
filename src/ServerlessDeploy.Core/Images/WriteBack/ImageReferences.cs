namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>Splits image references: `registry:5000/team/app:1.0@sha256:…` is name `registry:5000/team/app`, tag `1.0@sha256:…`.</summary>
public static class ImageReferences
{
    /// <summary>Registry and repository, without tag or digest (a port's colon comes before the last slash, so it stays).</summary>
    public static string NameOf(string reference)
    {
        var name = reference.Split('@', 2)[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    /// <summary>What follows the name: the tag, the tag and digest, or the digest alone; empty for a bare name.</summary>
    public static string TagOf(string reference) => reference[NameOf(reference).Length..].TrimStart(':', '@');

    /// <summary>
    /// The reference an app runs <paramref name="image"/> with: its override (<c>name=reference</c> or a reference) first,
    /// else what its manifests run; null when neither names it.
    /// </summary>
    public static string? Running(IEnumerable<string> overrides, IEnumerable<string> images, string image) =>
        overrides.Select(o => o.Split('=', 2)[^1]).Concat(images)
            .FirstOrDefault(r => string.Equals(NameOf(r), image, StringComparison.OrdinalIgnoreCase));
}
