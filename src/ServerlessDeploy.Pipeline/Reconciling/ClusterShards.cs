using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Routing;

namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// How a reconcile tick fans out: one compare pass per cluster, and per shard of its apps when it has more than a
/// pass compares (<see cref="Config.PipelineSettings.AppsPerComparePass"/>). An app's shard comes from a hash of its
/// name, so it stays in the same shard while the cluster's app count keeps the shard count.
/// </summary>
public static class ClusterShards
{
    /// <summary>The cluster a destination names: by name when it has one, else by server URL (as Argo CD matches them).</summary>
    public static string KeyOf(ApplicationDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.Name is { Length: > 0 } name ? $"name:{name}" : $"server:{destination.Server}";
    }

    /// <summary>
    /// The deploy FIFO group of a cluster's shard, which its pass and any continuation of it share. A server URL can be
    /// longer than SQS allows a group id (128): the group names the cluster by a hash of it.
    /// </summary>
    public static string GroupOf(string cluster, int shard) => $"compare:{DeploymentIds.Of(cluster)[..16]}:{shard}";

    public static int CountFor(int apps, int appsPerPass) => Math.Max(1, (apps + appsPerPass - 1) / appsPerPass);

    public static int ShardOf(string app, int shards) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(app))) % (uint)shards);
}
