using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The part of a Rollout's status a basic canary uses, as Go's RolloutStatus holds it. Fields we do not model
/// (duration, alb, blue-green and analysis statuses) are not carried; writing a status writes these fields only.
/// </summary>
internal sealed record RolloutStatusState(
    bool Abort,
    ImmutableArray<RolloutPauseCondition> PauseConditions,
    bool ControllerPause,
    DateTimeOffset? AbortedAt,
    string CurrentPodHash,
    string CurrentStepHash,
    int Replicas,
    int UpdatedReplicas,
    int ReadyReplicas,
    int AvailableReplicas,
    int? CurrentStepIndex,
    int? CollisionCount,
    string ObservedGeneration,
    ImmutableArray<RolloutCondition> Conditions,
    int HpaReplicas,
    string Selector,
    string StableRS,
    DateTimeOffset? RestartedAt,
    bool PromoteFull,
    string Phase,
    string Message)
{
    /// <summary>The status fields this record carries, as <see cref="ToJson"/> names them (canary and blueGreen aside).</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "abort", "pauseConditions", "controllerPause", "abortedAt", "currentPodHash", "currentStepHash", "replicas", "updatedReplicas",
        "readyReplicas", "availableReplicas", "currentStepIndex", "collisionCount", "observedGeneration", "conditions", "HPAReplicas",
        "selector", "stableRS", "restartedAt", "promoteFull", "phase", "message",
    };

    public static readonly RolloutStatusState Empty = new(
        false, [], false, null, "", "", 0, 0, 0, 0, null, null, "", [], 0, "", "", null, false, "", "");

    public RolloutCondition? Condition(string type) => RolloutConditions.Get(Conditions, type);

    public RolloutPauseCondition? PauseCondition(string reason) => PauseConditions.FirstOrDefault(pause => pause.Reason == reason);

    public static RolloutStatusState Read(JsonNode? node)
    {
        if (node is not JsonObject status)
        {
            return Empty;
        }

        var pauses = (status["pauseConditions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(pause => new RolloutPauseCondition(RolloutJson.Text(pause["reason"]), RolloutJson.Time(pause["startTime"]) ?? default))
            .ToImmutableArray();
        var conditions = (status["conditions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(condition => new RolloutCondition(
                RolloutJson.Text(condition["type"]),
                RolloutJson.Text(condition["status"]),
                RolloutJson.Time(condition["lastUpdateTime"]) ?? default,
                RolloutJson.Time(condition["lastTransitionTime"]) ?? default,
                RolloutJson.Text(condition["reason"]),
                RolloutJson.Text(condition["message"])))
            .ToImmutableArray();
        return new RolloutStatusState(
            RolloutJson.Bool(status["abort"]),
            pauses,
            RolloutJson.Bool(status["controllerPause"]),
            RolloutJson.Time(status["abortedAt"]),
            RolloutJson.Text(status["currentPodHash"]),
            RolloutJson.Text(status["currentStepHash"]),
            RolloutJson.Int(status["replicas"]) ?? 0,
            RolloutJson.Int(status["updatedReplicas"]) ?? 0,
            RolloutJson.Int(status["readyReplicas"]) ?? 0,
            RolloutJson.Int(status["availableReplicas"]) ?? 0,
            RolloutJson.Int(status["currentStepIndex"]),
            RolloutJson.Int(status["collisionCount"]),
            RolloutJson.Text(status["observedGeneration"]),
            conditions,
            RolloutJson.Int(status["HPAReplicas"]) ?? 0,
            RolloutJson.Text(status["selector"]),
            RolloutJson.Text(status["stableRS"]),
            RolloutJson.Time(status["restartedAt"]),
            RolloutJson.Bool(status["promoteFull"]),
            RolloutJson.Text(status["phase"]),
            RolloutJson.Text(status["message"]));
    }

    /// <summary>The status as Go writes RolloutStatus: its field order, zero values left out, <c>canary</c> and <c>blueGreen</c> always present.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        AddIf(json, "abort", Abort, Abort);
        if (!PauseConditions.IsEmpty)
        {
            json["pauseConditions"] = new JsonArray(PauseConditions
                .Select(pause => (JsonNode)new JsonObject { ["reason"] = pause.Reason, ["startTime"] = GoTime.Format(pause.StartTime) })
                .ToArray());
        }

        AddIf(json, "controllerPause", ControllerPause, ControllerPause);
        if (AbortedAt is { } abortedAt)
        {
            json["abortedAt"] = GoTime.Format(abortedAt);
        }

        AddIf(json, "currentPodHash", CurrentPodHash, CurrentPodHash.Length > 0);
        AddIf(json, "currentStepHash", CurrentStepHash, CurrentStepHash.Length > 0);
        AddIf(json, "replicas", Replicas, Replicas != 0);
        AddIf(json, "updatedReplicas", UpdatedReplicas, UpdatedReplicas != 0);
        AddIf(json, "readyReplicas", ReadyReplicas, ReadyReplicas != 0);
        AddIf(json, "availableReplicas", AvailableReplicas, AvailableReplicas != 0);
        if (CurrentStepIndex is { } index)
        {
            json["currentStepIndex"] = index;
        }

        if (CollisionCount is { } collisions)
        {
            json["collisionCount"] = collisions;
        }

        AddIf(json, "observedGeneration", ObservedGeneration, ObservedGeneration.Length > 0);
        if (!Conditions.IsEmpty)
        {
            json["conditions"] = new JsonArray(Conditions.Select(condition => (JsonNode)new JsonObject
            {
                ["type"] = condition.Type,
                ["status"] = condition.Status,
                ["lastUpdateTime"] = GoTime.Format(condition.LastUpdateTime),
                ["lastTransitionTime"] = GoTime.Format(condition.LastTransitionTime),
                ["reason"] = condition.Reason,
                ["message"] = condition.Message,
            }).ToArray());
        }

        // Go's omitempty never drops a struct: an empty canary and blueGreen status are written as {}.
        json["canary"] = new JsonObject();
        json["blueGreen"] = new JsonObject();
        AddIf(json, "HPAReplicas", HpaReplicas, HpaReplicas != 0);
        AddIf(json, "selector", Selector, Selector.Length > 0);
        AddIf(json, "stableRS", StableRS, StableRS.Length > 0);
        if (RestartedAt is { } restartedAt)
        {
            json["restartedAt"] = GoTime.Format(restartedAt);
        }

        AddIf(json, "promoteFull", PromoteFull, PromoteFull);
        AddIf(json, "phase", Phase, Phase.Length > 0);
        AddIf(json, "message", Message, Message.Length > 0);
        return json;
    }

    private static void AddIf(JsonObject json, string name, JsonNode value, bool present)
    {
        if (present)
        {
            json[name] = value;
        }
    }
}
