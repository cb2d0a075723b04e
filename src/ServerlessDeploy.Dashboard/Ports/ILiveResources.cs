using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// The cluster an app deploys to, read live through its destination. The host decides how a destination is reached (a
/// kubeconfig locally, EKS in AWS). Values come back unmasked: the dashboard masks Secrets itself before showing anything.
/// </summary>
public interface ILiveResources
{
    Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken);

    /// <summary>Every object of a kind in a namespace (all namespaces when <paramref name="ns"/> is empty).</summary>
    Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken);
}
