namespace ServerlessDeploy.Core.Resources;

/// <summary>Identifies one Kubernetes object the way Argo CD's gitops-engine does: group, kind, namespace, name (no version).</summary>
public sealed record ResourceKey(string Group, string Kind, string Namespace, string Name)
{
    /// <summary>"apps/Deployment:shop/web"; the core group is empty: "/ConfigMap:shop/settings".</summary>
    public override string ToString() => $"{Group}/{Kind}:{Namespace}/{Name}";
}
