namespace ServerlessDeploy.Core.Engine;

/// <summary>How many requests of one kind of step (lists, dry runs, applies of one kind group) a sync has in flight.</summary>
internal static class SyncParallelism
{
    /// <summary>Argo CD's default --kubectl-parallelism-limit: enough to hide a remote API server's latency.</summary>
    public const int Default = 20;
}
