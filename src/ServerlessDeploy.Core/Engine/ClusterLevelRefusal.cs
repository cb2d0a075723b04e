using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Namespace-scoped access (a <see cref="ReadScope"/> within namespaces) can neither read nor write a cluster-scoped
/// object, so a render that names one is refused by name before anything is written, as Argo CD refuses it for
/// a cluster whose secret sets <c>namespaces</c> without <c>clusterResources</c> ("Cluster level ClusterRole "x" can not
/// be managed when in namespaced mode").
/// </summary>
internal static class ClusterLevelRefusal
{
    public static IEnumerable<string> Of(ReadScope scope, IReadOnlyList<Manifest> desired, IReadOnlyDictionary<ResourceKey, ClusterResourceType> types) =>
        scope.IsClusterWide
            ? []
            : desired.Where(m => types.GetValueOrDefault(m.Key) is { Namespaced: false })
                .Select(m => $"{m.Key}: cluster level {m.Kind} \"{m.Name}\" cannot be managed with namespace-scoped access to the cluster");
}
