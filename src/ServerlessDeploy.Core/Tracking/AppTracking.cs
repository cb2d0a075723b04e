using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Tracking;

/// <summary>
/// Which application owns a live object. Ours: the annotation serverless-deploy/tracking-id
/// ("app:group/Kind:namespace/name") plus a label for listing. Argo CD's (argocd.argoproj.io/tracking-id or the label
/// app.kubernetes.io/instance) is read too, so resources Argo CD deployed for the same app name are adopted.
/// </summary>
internal static class AppTracking
{
    public const string Annotation = "serverless-deploy/tracking-id";
    public const string Label = "serverless-deploy/app";
    public const string ArgoAnnotation = "argocd.argoproj.io/tracking-id";
    public const string ArgoLabel = "app.kubernetes.io/instance";

    public static string TrackingId(string app, ResourceKey key) => $"{app}:{key.Group}/{key.Kind}:{key.Namespace}/{key.Name}";

    /// <summary>Adds this application's tracking to a desired manifest.</summary>
    public static void Stamp(JsonObject manifest, string app, ResourceKey key)
    {
        var metadata = manifest["metadata"] as JsonObject ?? [];
        manifest["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[Annotation] = TrackingId(app, key);
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels[Label] = LabelValue(app);
    }

    /// <summary>The application a live object belongs to (ours, else Argo CD's), or null when untracked.</summary>
    public static (string App, bool ByArgoCd)? Owner(JsonObject live)
    {
        var metadata = live["metadata"];
        if (metadata?["annotations"]?[Annotation]?.ToString() is { } ours)
        {
            return (ours.Split(':', 2)[0], false);
        }

        if (metadata?["annotations"]?[ArgoAnnotation]?.ToString() is { } argo)
        {
            return (argo.Split(':', 2)[0], true);
        }

        return metadata?["labels"]?[ArgoLabel]?.ToString() is { } instance ? (instance, true) : null;
    }

    /// <summary>Label values are at most 63 characters; longer app names are cut (the annotation keeps the full name).</summary>
    public static string LabelValue(string app) => app.Length <= 63 ? app : app[..63].TrimEnd('-', '.', '_');
}
