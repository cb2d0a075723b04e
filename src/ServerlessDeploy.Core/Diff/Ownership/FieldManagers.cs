using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>The field managers whose entries decide what Git still owns in a live object.</summary>
internal static class FieldManagers
{
    /// <summary>Ours: every apply is made under this name, operation Apply.</summary>
    public const string Ours = ApplyOptions.Manager;

    /// <summary>kubectl's client-side apply, taken over as Argo CD 3.3's client-side apply migration does.</summary>
    public const string ClientSideApply = "kubectl-client-side-apply";

    /// <summary>Argo CD's own manager (server-side apply, or client-side apply before 3.x): taken over when an app moves here.</summary>
    public const string ArgoCd = "argocd-controller";

    /// <summary>kubectl's record of a client-side apply: the fields it names were applied from Git before, and are taken over too.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>The name a dry run uses to ask the API server which fields a last-applied configuration sets.</summary>
    public const string LastAppliedProbe = "serverless-deploy-last-applied";

    /// <summary>True for an entry whose fields a sync takes over before it applies.</summary>
    public static bool IsTakenOver(string manager, string operation, string? subresource) =>
        subresource is null && (manager == ArgoCd || (manager == ClientSideApply && operation == "Update"));
}
