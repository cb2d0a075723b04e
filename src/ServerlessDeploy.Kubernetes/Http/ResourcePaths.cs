using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Kubernetes.Http;

/// <summary>Resource URLs: /api/v1/... for the core group, /apis/{group}/{version}/... otherwise.</summary>
internal static class ResourcePaths
{
    public static string Collection(ClusterResourceType type, string? ns)
    {
        var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        return type.Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{prefix}/namespaces/{Uri.EscapeDataString(ns)}/{type.Plural}"
            : $"{prefix}/{type.Plural}";
    }

    public static string Item(ClusterResourceType type, string ns, string name) =>
        $"{Collection(type, type.Namespaced ? ns : null)}/{Uri.EscapeDataString(name)}";
}
