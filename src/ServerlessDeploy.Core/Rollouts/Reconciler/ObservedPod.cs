using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>A pod of the Rollout's ReplicaSets as the pod restarter reads it: its name, age, readiness and whether it is going.</summary>
internal sealed record ObservedPod(string Name, DateTimeOffset Created, bool Deleting, DateTimeOffset? ReadySince)
{
    public static ObservedPod Read(JsonObject pod)
    {
        var metadata = pod["metadata"];
        var ready = (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(condition => RolloutJson.Text(condition["type"]) == "Ready");
        return new ObservedPod(
            RolloutJson.Text(metadata?["name"]),
            RolloutJson.Time(metadata?["creationTimestamp"]) ?? DateTimeOffset.MinValue,
            metadata?["deletionTimestamp"] is not null,
            RolloutJson.Text(ready?["status"]) == "True" ? RolloutJson.Time(ready?["lastTransitionTime"]) ?? DateTimeOffset.MinValue : null);
    }

    /// <summary>podutil.IsPodAvailable, and not being deleted: Ready, for longer than minReadySeconds when there are any.</summary>
    public bool IsAvailable(int minReadySeconds, DateTimeOffset now) =>
        !Deleting && ReadySince is { } since
        && (minReadySeconds == 0 || (since != DateTimeOffset.MinValue && since + TimeSpan.FromSeconds(minReadySeconds) < now));
}
