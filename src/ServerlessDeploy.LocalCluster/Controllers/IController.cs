using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Controllers;

/// <summary>A simulated controller: sees every change in order and acts through the same verbs a client uses.</summary>
internal interface IController
{
    Task ObserveAsync(WatchEvent change, CancellationToken cancellationToken);
}
