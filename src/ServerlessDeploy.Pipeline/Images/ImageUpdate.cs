using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>
/// What an image push came to for one app: nothing (with why), new image overrides kept in the state store (write-back
/// method argocd), or a commit written back to Git (method git) that is then deployed.
/// </summary>
internal sealed record ImageUpdate(ImageUpdateKind Kind, string Message, IReadOnlyList<string> ImageOverrides, string? Commit, IReadOnlyList<ImageChange> Changes)
{
    public static ImageUpdate None(string why) => new(ImageUpdateKind.None, why, [], null, []);
}

/// <summary>See <see cref="ImageUpdate"/>.</summary>
internal enum ImageUpdateKind
{
    None,
    Overrides,
    Commit,
}
