using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Resources;

/// <summary>One kind of object the server serves: its group/version/kind, its URL name, and its schema source.</summary>
/// <param name="ModelType">The KubernetesClient model type of a built-in kind; null for a custom resource.</param>
/// <param name="Schema">The openAPIV3Schema of a custom resource's version; null for a built-in kind.</param>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    bool HasStatus,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    Type? ModelType = null,
    JsonObject? Schema = null)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    public string Singular => Kind.ToLowerInvariant();

    /// <summary>The URL prefix of the group-version: /api/v1 for the core group, /apis/{group}/{version} otherwise.</summary>
    public string ApiPrefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The resource as kubectl names it: deployments.apps.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public bool IsCustom => ModelType is null;

    /// <summary>Whether .../{name}/scale serves an autoscaling/v1 Scale of the object.</summary>
    public bool HasScale { get; init; }

    /// <summary>Where a custom resource's Scale reads and writes its fields; null for built-in kinds (and CRDs without subresources.scale).</summary>
    public CustomScale? CustomScale { get; init; }

    /// <summary>The columns a CRD version declares for `kubectl get`; empty for built-in kinds, which show name and age.</summary>
    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];
}
