using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>Everything one server instance holds: its objects, the kinds it serves, and its clock.</summary>
internal sealed class ClusterState(TimeProvider time)
{
    public ObjectStore Store { get; } = new();

    public ResourceTypeRegistry Registry { get; } = new();

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
