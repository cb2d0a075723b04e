using ServerlessDeploy.Pipeline.Images;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The image overrides a deploy uses: the app's recorded ones, with a manual request's images in place of the
/// recorded override for the same image (as <c>argocd app set --kustomize-image</c> replaces one).</summary>
internal static class RequestedImages
{
    public static IReadOnlyList<string> Over(IReadOnlyList<string> recorded, DeployRequest request)
    {
        if (request is not { Reason: DeployReason.Manual, ImageOverrides: { Count: > 0 } requested })
        {
            return recorded;
        }

        var replaced = requested.Select(ImageUpdater.OverriddenName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. recorded.Where(o => !replaced.Contains(ImageUpdater.OverriddenName(o))), .. requested];
    }
}
