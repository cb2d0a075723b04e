namespace ServerlessDeploy.Core.Images;

/// <summary>
/// The Helm values that carry an image: <c>helm.image-spec</c> (one value, <c>name:tag</c>) or
/// <c>helm.image-name</c> and <c>helm.image-tag</c>. When the spec is set it wins, as in Image Updater.
/// </summary>
public sealed record HelmImageKeys(string? Name, string? Tag, string? Spec);
