using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>A served type, whether it can be listed, and whether its version is the group's preferred one.</summary>
internal sealed record DiscoveredType(ClusterResourceType Type, bool Listable, bool Preferred);
