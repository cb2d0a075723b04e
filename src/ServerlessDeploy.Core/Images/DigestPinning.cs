namespace ServerlessDeploy.Core.Images;

/// <summary>The digest strategy: keep following the image-list's tag and pin the digest pushed for it last.</summary>
internal static class DigestPinning
{
    public static TagDecision Choose(UpdatableImage image, IReadOnlyList<ImageCandidate> known, string? currentTag)
    {
        if (image.Constraint is not { } tag)
        {
            return TagDecision.NoChange($"image {image.Alias} has update-strategy digest but the image-list names no tag to follow");
        }

        if (image.Filter.Rejection(tag) is { } rejection)
        {
            return TagDecision.NoChange(rejection);
        }

        var newest = known.Where(c => c.Tag == tag).MaxBy(c => c.PushedAt);
        if (newest is null)
        {
            return TagDecision.NoChange($"no push of {image.Name}:{tag} is known");
        }

        return newest.Digest == DeployedDigest(currentTag)
            ? TagDecision.NoChange($"{tag} still points to {newest.Digest}, which is deployed")
            : new TagDecision(newest, $"{tag} now points to {newest.Digest}");
    }

    /// <summary>The digest a deployed reference pins: what follows '@' in <c>tag@sha256:…</c>, or a bare digest.</summary>
    private static string? DeployedDigest(string? current)
    {
        if (current is null)
        {
            return null;
        }

        var at = current.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return current[(at + 1)..];
        }

        return current.StartsWith("sha256:", StringComparison.Ordinal) ? current : null;
    }
}
