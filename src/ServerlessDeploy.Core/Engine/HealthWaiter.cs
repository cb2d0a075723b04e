using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Waits until every given resource is healthy (or has no health of its own), as Argo CD does between waves and
/// before PostSync. A Degraded resource ends the wait at once; the deadline ends it with what is still pending.
/// Resources are read with one list per kind and namespace, so a wave of a thousand costs a few requests, and
/// <paramref name="reads"/> spares even those where the sync has read a list since its last write.
/// </summary>
internal sealed class HealthWaiter(IClusterClient cluster, TimeProvider time, LiveReads? reads = null)
{
    // Controllers often finish within moments of the apply: the first looks come soon, later ones every 200 ms.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Problem null when all are healthy; otherwise why not, naming the resource. OutOfTime when <paramref name="stopBy"/>
    /// came while resources were still progressing (neither failed nor timed out: the wait is to be continued).
    /// </summary>
    /// <param name="deadline">When the wait gives up (a gate started in an earlier invocation keeps its first deadline).</param>
    /// <param name="timeout">The wait's length, for the message.</param>
    public async Task<(string? Problem, bool OutOfTime)> WaitAsync(
        IReadOnlyList<(ResourceKey Key, ClusterResourceType Type)> resources, DateTimeOffset deadline, TimeSpan timeout, DateTimeOffset? stopBy, CancellationToken cancellationToken)
    {
        var pending = resources.ToList();
        for (var round = 0; ; round++)
        {
            // After the first round the wait is for change: only a new list shows it.
            var health = await HealthOfAsync(pending, cancellationToken, reuse: round == 0);
            if (pending.Select(p => (p.Key, Health: health[p.Key])).FirstOrDefault(h => h.Health?.Status == HealthStatus.Degraded) is { Health: { } degraded } failed)
            {
                return ($"{failed.Key} is Degraded: {degraded.Message}", false);
            }

            var unhealthy = pending.Select(p => (Resource: p, Health: health[p.Key])).Where(h => h.Health is { Status: not (HealthStatus.Healthy or HealthStatus.Suspended) }).ToList();
            pending = unhealthy.Select(h => h.Resource).ToList();
            if (unhealthy is not [(_, { } first), ..])
            {
                return (null, false);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return ($"timed out after {timeout.TotalSeconds:0}s waiting for health: {pending[0].Key} is {first.Status}: {first.Message}", false);
            }

            if (stopBy is { } stop && time.GetUtcNow() + PollAfter(round) >= stop)
            {
                return ($"{pending[0].Key} is {first.Status}: {first.Message}", true);
            }

            await Task.Delay(PollAfter(round), time, cancellationToken);
        }
    }

    /// <summary>25, 50, 100, then 200 ms between looks.</summary>
    private static TimeSpan PollAfter(int round) => round < 3 ? FirstPoll * Math.Pow(2, round) : Poll;

    /// <summary>
    /// Each resource's health; Missing when the cluster does not have it, null for kinds without a rule. With
    /// <paramref name="reuse"/>, a list read since the sync's last write stands for a new one.
    /// </summary>
    public async Task<Dictionary<ResourceKey, HealthResult?>> HealthOfAsync(
        IReadOnlyList<(ResourceKey Key, ClusterResourceType Type)> resources, CancellationToken cancellationToken, bool reuse = true)
    {
        var health = new Dictionary<ResourceKey, HealthResult?>();
        foreach (var group in resources.GroupBy(r => LiveReads.ListOf(r.Type, r.Key)))
        {
            if (HealthRules.For(group.Key.Type.Group, group.Key.Type.Kind) is null)
            {
                // Kinds without health of their own (ConfigMaps, Secrets…) are not read just to learn that.
                foreach (var (key, _) in group)
                {
                    health[key] = null;
                }

                continue;
            }

            var live = (reuse ? reads?.Current(group.Key.Type, group.Key.Namespace) : null) ?? await ListAsync(group.Key.Type, group.Key.Namespace, cancellationToken);
            foreach (var (key, _) in group)
            {
                health[key] = live is null ? new HealthResult(HealthStatus.Unknown, $"could not list {group.Key.Type.Plural}")
                    : live.TryGetValue(key, out var obj) ? (reads is null ? HealthAssessment.Of(obj) : reads.HealthOf(obj))
                    : new HealthResult(HealthStatus.Missing, "the resource does not exist");
            }
        }

        return health;
    }

    private async Task<IReadOnlyDictionary<ResourceKey, JsonObject>?> ListAsync(ClusterResourceType type, string? ns, CancellationToken cancellationToken)
    {
        var response = await cluster.ListAsync(type, ns, null, cancellationToken);
        if (!response.Succeeded)
        {
            return null;
        }

        var items = (response.Body?["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item =>
        {
            item["apiVersion"] ??= type.ApiVersion;
            item["kind"] ??= type.Kind;
            return item;
        });
        var live = items.Select(i => (Key: new Manifest(i).Key, Item: i)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Item);
        reads?.Listed(type, ns, live);
        return live;
    }
}
