namespace ServerlessDeploy.Core.Images;

/// <summary>An image as a manifest names it: <c>name:tag</c>, or <c>name:tag@sha256:…</c> when pinned to a digest.</summary>
public sealed record ImageReference(string Name, string Tag, string? Digest)
{
    /// <summary>The reference to deploy for a chosen tag: pinned to its digest under the digest strategy only.</summary>
    public static ImageReference For(UpdatableImage image, ImageCandidate chosen) =>
        new(image.Name, chosen.Tag, image.Strategy == UpdateStrategy.Digest ? chosen.Digest : null);

    public override string ToString() => Digest is null ? $"{Name}:{Tag}" : $"{Name}:{Tag}@{Digest}";
}
