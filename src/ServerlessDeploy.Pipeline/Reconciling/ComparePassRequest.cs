namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>
/// One compare pass, as the router puts it on the deploy FIFO queue at a reconcile tick (group = the cluster and shard):
/// compare the apps of <see cref="Cluster"/> whose shard is <see cref="Shard"/> of <see cref="Shards"/> against one read of it.
/// </summary>
/// <param name="Cluster">The destination's cluster as <see cref="ClusterShards.KeyOf"/> names it.</param>
/// <param name="PassId">From the tick, the cluster and the shard: the queue's deduplication id, and the id of the deploy requests it sends.</param>
public sealed record ComparePassRequest(string Cluster, int Shard, int Shards, string PassId, DateTimeOffset RequestedAt)
{
    /// <summary>The config repository commit the router read; the pass reads the Applications at it.</summary>
    public string? ConfigCommit { get; init; }

    /// <summary>
    /// A continuation's cursor: the name of the last app the part before judged (apps are judged in ordinal name order),
    /// so this part judges only the apps named after it. Null for the tick's pass.
    /// </summary>
    public string? After { get; init; }

    /// <summary>Whether the pass judges <paramref name="app"/>: one of its cluster's shard, named after <see cref="After"/>.</summary>
    public bool Covers(string cluster, string app) =>
        cluster == Cluster && ClusterShards.ShardOf(app, Shards) == Shard && (After is null || string.CompareOrdinal(app, After) > 0);
}
