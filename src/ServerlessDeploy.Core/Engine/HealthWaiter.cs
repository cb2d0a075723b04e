using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Waits until every given resource is healthy (or has no health of its own), as Argo CD does between waves and
/// before PostSync. A Degraded resource ends the wait at once; the deadline ends it with what is still pending.
/// </summary>
internal sealed class HealthWaiter(IClusterClient cluster, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Null when all are healthy; otherwise why not, naming the resource.</summary>
    public async Task<string?> WaitAsync(IReadOnlyList<(ResourceKey Key, ClusterResourceType Type)> resources, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var pending = resources.ToList();
        while (true)
        {
            var still = new List<(ResourceKey Key, ClusterResourceType Type)>();
            string? waitingFor = null;
            foreach (var (key, type) in pending)
            {
                var health = await HealthOfAsync(key, type, cancellationToken);
                if (health?.Status == HealthStatus.Degraded)
                {
                    return $"{key} is Degraded: {health.Message}";
                }

                if (health is { Status: not (HealthStatus.Healthy or HealthStatus.Suspended) })
                {
                    still.Add((key, type));
                    waitingFor ??= $"{key} is {health.Status}: {health.Message}";
                }
            }

            if (still.Count == 0)
            {
                return null;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return $"timed out after {timeout.TotalSeconds:0}s waiting for health: {waitingFor}";
            }

            pending = still;
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    public async Task<HealthResult?> HealthOfAsync(ResourceKey key, ClusterResourceType type, CancellationToken cancellationToken)
    {
        var response = await cluster.GetAsync(type, key.Namespace, key.Name, cancellationToken);
        if (response.NotFound)
        {
            return new HealthResult(HealthStatus.Missing, "the resource does not exist");
        }

        if (!response.Succeeded || response.Body is not JsonObject live)
        {
            return new HealthResult(HealthStatus.Unknown, $"could not read it: {response}");
        }

        live["apiVersion"] ??= type.ApiVersion;
        live["kind"] ??= type.Kind;
        return HealthAssessment.Of(live);
    }
}
