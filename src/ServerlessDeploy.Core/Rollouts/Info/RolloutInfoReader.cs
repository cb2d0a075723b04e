using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Reads one Rollout, the ReplicaSets it owns and their pods, and works out what `kubectl argo rollouts get rollout`
/// shows (info/rollout_info.go, replicaset_info.go); reads only.
/// </summary>
public sealed class RolloutInfoReader(IClusterClient cluster)
{
    /// <returns>The info, or (null) why it cannot be read: the kind not served, the cluster unreachable, the Rollout missing.</returns>
    public async Task<(RolloutInfo? Info, string? Problem)> ReadAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var (types, problem) = await RolloutTypes.FindAsync(cluster, cancellationToken);
        if (types is null)
        {
            return (null, problem);
        }

        var read = await cluster.GetAsync(types.Rollout, ns, name, cancellationToken);
        if (!read.Succeeded || read.Body is not { } rollout)
        {
            return (null, read.NotFound ? $"Rollout {ns}/{name} does not exist" : $"reading Rollout {ns}/{name} failed: {read}");
        }

        var listed = await cluster.ListAsync(types.ReplicaSet, ns, null, cancellationToken);
        if (!listed.Succeeded)
        {
            return (null, $"listing the ReplicaSets in {ns} failed: {listed}");
        }

        var uid = RolloutJson.Text(rollout["metadata"]?["uid"]);
        var replicaSets = Items(listed).Where(rs => OwnedBy(rs, uid)).ToImmutableArray();
        var (pods, podProblem) = await PodsAsync(ns, cancellationToken);
        return podProblem is null ? (Info(rollout, replicaSets, pods), null) : (null, podProblem);
    }

    /// <summary>The pods of any Rollout's ReplicaSets (label rollouts-pod-template-hash); none where pods are not served.</summary>
    private async Task<(ImmutableArray<JsonObject> Pods, string? Problem)> PodsAsync(string ns, CancellationToken cancellationToken)
    {
        var lookup = await cluster.FindTypeAsync("v1", "Pod", cancellationToken);
        if (lookup.Type is not { } pod)
        {
            return ([], lookup.Unreadable);
        }

        var listed = await cluster.ListAsync(pod, ns, ObservedReplicaSet.HashLabel, cancellationToken);
        return listed.Succeeded ? ([.. Items(listed)], null) : ([], $"listing the pods in {ns} failed: {listed}");
    }

    private static RolloutInfo Info(JsonObject rollout, ImmutableArray<JsonObject> replicaSets, ImmutableArray<JsonObject> pods)
    {
        var (metadata, spec, status) = (rollout["metadata"], rollout["spec"], rollout["status"]);
        var canary = spec?["strategy"]?["canary"];
        var steps = (canary?["steps"] as JsonArray ?? []).OfType<JsonObject>().ToImmutableArray();
        var stepIndex = steps.IsEmpty ? null : RolloutJson.Int(status?["currentStepIndex"]);
        var aborted = RolloutJson.Bool(status?["abort"]);
        var sets = replicaSets.Select(rs => ReplicaSet(rs, status, pods))
            .OrderByDescending(rs => rs.Revision).ThenBy(rs => rs.Name, StringComparer.Ordinal).ToImmutableArray();
        var (phase, message) = RolloutPhase.Get(rollout) switch
        {
            RolloutPhaseOutcome.Determined determined => (determined.Phase, determined.Message),
            RolloutPhaseOutcome.Refused refused => ("Unknown", refused.Reason),
            var other => throw new InvalidOperationException($"no handling for {other.GetType().Name}"),
        };
        var available = RolloutJson.Int(status?["availableReplicas"]) ?? 0;
        return new RolloutInfo(
            RolloutJson.Text(metadata?["name"]),
            RolloutJson.Text(metadata?["namespace"]),
            RolloutJson.Time(metadata?["creationTimestamp"]),
            phase,
            message,
            stepIndex,
            steps,
            SetWeight(steps, RolloutJson.Int(status?["currentStepIndex"]) ?? 0, aborted),
            ActualWeight(steps, RolloutJson.Int(status?["currentStepIndex"]) ?? 0, available, sets),
            aborted,
            Images(sets),
            new RolloutReplicaCounts(
                RolloutJson.Int(spec?["replicas"]) ?? RolloutSpec.DefaultReplicas,
                RolloutJson.Int(status?["replicas"]) ?? 0,
                RolloutJson.Int(status?["updatedReplicas"]) ?? 0,
                RolloutJson.Int(status?["readyReplicas"]) ?? 0,
                available),
            sets,
            rollout,
            replicaSets);
    }

    /// <summary>GetCurrentSetWeight: 0 when aborted, 100 past the last step, else the last setWeight at or before the current step.</summary>
    private static int SetWeight(ImmutableArray<JsonObject> steps, int index, bool aborted)
    {
        if (aborted)
        {
            return 0;
        }

        if (index >= steps.Length)
        {
            return 100;
        }

        for (var i = index; i >= 0; i--)
        {
            if (RolloutJson.Int(steps[i]["setWeight"]) is { } weight)
            {
                return weight;
            }
        }

        return 0;
    }

    /// <summary>The canary's share of the available pods (a basic canary has no traffic router); 100 past the last step.</summary>
    private static int ActualWeight(ImmutableArray<JsonObject> steps, int index, int available, ImmutableArray<RolloutReplicaSetInfo> sets) =>
        index >= steps.Length ? 100
        : available > 0 ? sets.Where(rs => rs.Canary).Select(rs => rs.Available * 100 / available).LastOrDefault()
        : 0;

    private static RolloutReplicaSetInfo ReplicaSet(JsonObject rs, JsonNode? rolloutStatus, ImmutableArray<JsonObject> pods)
    {
        var observed = ObservedReplicaSet.Read(rs);
        var stable = RolloutJson.Text(rolloutStatus?["stableRS"]) == observed.Hash;
        var uid = RolloutJson.Text(rs["metadata"]?["uid"]);
        var owned = pods.Where(pod => OwnedBy(pod, uid)).Select(PodStatus.Of)
            .OrderBy(pod => pod.CreatedAt).ThenBy(pod => pod.Name, StringComparer.Ordinal).ToImmutableArray();
        return new RolloutReplicaSetInfo(
            observed.Name,
            observed.Revision,
            ReplicaSetHealth.Of(rs),
            RolloutJson.Time(rs["metadata"]?["creationTimestamp"]),
            observed.SpecReplicas,
            observed.StatusReplicas,
            observed.ReadyReplicas,
            observed.AvailableReplicas,
            stable,
            !stable && RolloutJson.Text(rolloutStatus?["currentPodHash"]) == observed.Hash,
            [.. (rs["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => RolloutJson.Text(c["image"]))],
            owned);
    }

    /// <summary>Images of the ReplicaSets that have pods, each with the roles of those running it, sorted as the plugin sorts them.</summary>
    private static ImmutableArray<RolloutImage> Images(ImmutableArray<RolloutReplicaSetInfo> sets)
    {
        var images = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var rs in sets.Where(rs => rs.Replicas > 0))
        {
            foreach (var image in rs.Images)
            {
                if (!images.TryGetValue(image, out var tags))
                {
                    images[image] = tags = new SortedSet<string>(StringComparer.Ordinal);
                }

                if (rs.Canary)
                {
                    tags.Add("canary");
                }

                if (rs.Stable)
                {
                    tags.Add("stable");
                }
            }
        }

        return [.. images.Select(image => new RolloutImage(image.Key, [.. image.Value]))];
    }

    private static IEnumerable<JsonObject> Items(ClusterResponse listed) => (listed.Body?["items"] as JsonArray ?? []).OfType<JsonObject>();

    private static bool OwnedBy(JsonObject obj, string uid) =>
        uid.Length > 0 && (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().Any(owner => RolloutJson.Text(owner["uid"]) == uid);
}
