namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>Splits image references: `registry:5000/team/app:1.0@sha256:…` is name `registry:5000/team/app`, tag `1.0@sha256:…`.</summary>
internal static class ImageReferences
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
}
