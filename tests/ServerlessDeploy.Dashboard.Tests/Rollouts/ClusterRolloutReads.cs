using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Rollouts;
using ServerlessDeploy.Local.Clusters;

namespace ServerlessDeploy.Dashboard.Tests.Rollouts;

/// <summary>The Rollouts read live from the local API server through its kubeconfig's current context, as `sdeploy rollouts get` reads them.</summary>
internal sealed class ClusterRolloutReads(string kubeconfig) : IRolloutReads
{
    public async Task<IReadOnlyList<RolloutReading>> ReadAsync(string? applicationManifest, IReadOnlyList<RolloutName> rollouts, CancellationToken cancellationToken)
    {
        var connection = new KubeconfigClusters(kubeconfig).Connect(new ApplicationDestination("https://kubernetes.default.svc", null, ""));
        var reader = new RolloutInfoReader(connection.Client ?? throw new InvalidOperationException(connection.Problem));
        var readings = new List<RolloutReading>();
        foreach (var rollout in rollouts)
        {
            var (info, problem) = await reader.ReadAsync(rollout.Namespace, rollout.Name, cancellationToken);
            readings.Add(info is null ? RolloutReading.Unread(rollout, problem ?? "") : RolloutReading.Read(rollout, info));
        }

        return readings;
    }
}
