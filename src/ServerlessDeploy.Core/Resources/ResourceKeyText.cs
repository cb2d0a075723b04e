namespace ServerlessDeploy.Core.Resources;

/// <summary>
/// A resource key as a sync request names it: <c>group/kind/namespace/name</c>, the core group and a cluster-scoped
/// namespace left empty (<c>/ConfigMap/shop/settings</c>, <c>rbac.authorization.k8s.io/ClusterRole//reader</c>).
/// </summary>
public static class ResourceKeyText
{
    public static string Of(ResourceKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{key.Group}/{key.Kind}/{key.Namespace}/{key.Name}";
    }

    /// <summary>The key, or null when the text is not four parts with a kind and a name.</summary>
    public static ResourceKey? Parse(string text) =>
        text?.Split('/') is [var group, { Length: > 0 } kind, var ns, { Length: > 0 } name] ? new ResourceKey(group, kind, ns, name) : null;
}
