namespace ServerlessDeploy.Pipeline.Config;

/// <summary>What a reconcile tick sends to the deploy queue.</summary>
public enum ReconcileFanOut
{
    /// <summary>A compare pass per cluster (and shard): one read of the cluster for all its apps; only apps that need a sync or a closer look go on per app.</summary>
    Cluster,

    /// <summary>A request per app, each comparing on its own (35 API requests an app): the path before the compare pass.</summary>
    App,
}
