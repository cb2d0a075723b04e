using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Testing.Clusters;

/// <summary>
/// The clusters of <paramref name="clusters"/> as a cluster with <c>clusterRead: false</c> reaches the deployer: its
/// connection says so, and its client answers as namespace-scoped access to <paramref name="namespaces"/> would
/// (<see cref="NamespaceScopedCluster"/>, one for all connections, so a test sees every request).
/// </summary>
public sealed class NamespaceScopedConnector(IClusterConnector clusters, IReadOnlyCollection<string> namespaces) : IClusterConnector
{
    private NamespaceScopedCluster? _scoped;

    /// <summary>The scoped client of the first connection (null before any): every request the deployer sent through it.</summary>
    public NamespaceScopedCluster? Scoped => Volatile.Read(ref _scoped);

    public ClusterConnection Connect(ApplicationDestination destination)
    {
        var connection = clusters.Connect(destination);
        if (!connection.IsConnected)
        {
            return connection;
        }

        var scoped = new NamespaceScopedCluster(connection.Client, namespaces);
        return ClusterConnection.To(Interlocked.CompareExchange(ref _scoped, scoped, null) ?? scoped, clusterRead: false);
    }
}
