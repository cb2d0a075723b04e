using ServerlessDeploy.Dashboard.Rollouts;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// The app's Rollouts read live from its destination cluster (what `sdeploy rollouts get` shows). The host implements
/// it: locally over the kubeconfig `sdeploy ui` is given; in AWS over the cluster's access.
/// </summary>
public interface IRolloutReads
{
    /// <param name="applicationManifest">The Application as the state recorded it (JSON): its spec.destination names the cluster; null when none was recorded.</param>
    /// <returns>One reading per Rollout asked for, in the same order; a cluster that cannot be reached gives each its problem.</returns>
    Task<IReadOnlyList<RolloutReading>> ReadAsync(string? applicationManifest, IReadOnlyList<RolloutName> rollouts, CancellationToken cancellationToken);
}
