using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Rollouts;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Local.Clusters;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard's live Rollouts over the kubeconfig `sdeploy ui` is given: the app's destination cluster resolved as
/// the local deployer resolves it, each Rollout read as `sdeploy rollouts get` reads it. Reads only.
/// </summary>
internal sealed class KubeconfigRolloutReads(string? kubeconfig, DiscoveryCache discovery) : IRolloutReads
{
    public async Task<IReadOnlyList<RolloutReading>> ReadAsync(string? applicationManifest, IReadOnlyList<RolloutName> rollouts, CancellationToken cancellationToken)
    {
        var (reader, problem) = Connect(applicationManifest);
        if (reader is null)
        {
            return [.. rollouts.Select(rollout => RolloutReading.Unread(rollout, problem))];
        }

        var readings = new List<RolloutReading>();
        foreach (var rollout in rollouts)
        {
            var (info, unread) = await reader.ReadAsync(rollout.Namespace, rollout.Name, cancellationToken);
            readings.Add(info is null ? RolloutReading.Unread(rollout, unread ?? "not read") : RolloutReading.Read(rollout, info));
        }

        return readings;
    }

    private (RolloutInfoReader? Reader, string Problem) Connect(string? applicationManifest)
    {
        if (kubeconfig is null)
        {
            return (null, "sdeploy ui was started without --kubeconfig, so the cluster cannot be read");
        }

        if (Destination(applicationManifest) is not { } destination)
        {
            return (null, "the recorded Application names no readable spec.destination");
        }

        var connection = new KubeconfigClusters(kubeconfig) { Discovery = discovery }.Connect(destination);
        return connection.IsConnected ? (new RolloutInfoReader(connection.Client), "") : (null, $"the app's cluster is unreachable: {connection.Problem}");
    }

    private static ApplicationDestination? Destination(string? manifest)
    {
        try
        {
            return manifest is not null && JsonNode.Parse(manifest) is JsonObject application ? ApplicationReader.Read(application).Application?.Destination : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
