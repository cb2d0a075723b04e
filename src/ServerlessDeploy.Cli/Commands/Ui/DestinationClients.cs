using System.Collections.Concurrent;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>Each destination connected once for as long as the dashboard runs; its discovery comes from the dashboard's shared cache.</summary>
internal sealed class DestinationClients(IClusterConnector clusters)
{
    private readonly ConcurrentDictionary<ApplicationDestination, ClusterConnection> _connections = new();

    public ClusterConnection Connect(ApplicationDestination destination) => _connections.GetOrAdd(destination, clusters.Connect);
}
