using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Each verb's patches, exactly as the Argo Rollouts kubectl plugin sends them (pkg/kubectl-argo-rollouts/cmd/
/// promote, abort, retry, pause, restart), worked out from the live Rollout as the plugin does; resume is Argo CD's
/// Rollout action (resource_customizations/argoproj.io/Rollout/actions/resume), which the plugin lacks.
/// </summary>
internal static class RolloutActions
{
    /// <param name="restartAt">For restart: when the pods are to be restarted (the plugin's now, plus --in).</param>
    public static RolloutActionPlan Plan(RolloutVerb verb, JsonObject rollout, DateTimeOffset restartAt) => verb switch
    {
        RolloutVerb.Promote => Promote(rollout),
        RolloutVerb.PromoteFull => PromoteFull(rollout),
        RolloutVerb.Abort => Same(Status(new JsonObject { ["abort"] = true })),
        RolloutVerb.Retry => Same(Status(new JsonObject { ["abort"] = false })),
        RolloutVerb.Pause => new RolloutActionPlan(null, Spec(true), null),
        RolloutVerb.Resume => Resume(rollout),
        // The plugin's restartPatch: spec.restartAt in UTC, to the second, by a merge patch of the object.
        RolloutVerb.Restart => new RolloutActionPlan(null, new JsonObject { ["spec"] = new JsonObject { ["restartAt"] = GoTime.Format(restartAt) } }, null),
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "no such verb"),
    };

    /// <summary>getPatches' default case: unpause; clear pause conditions, or else move on one step (never both).</summary>
    private static RolloutActionPlan Promote(JsonObject rollout)
    {
        var paused = RolloutJson.Bool(rollout["spec"]?["paused"]);
        var pauses = (rollout["status"]?["pauseConditions"] as JsonArray)?.Count ?? 0;
        var unified = Both(Spec(false), new JsonObject { ["pauseConditions"] = null });
        JsonObject? status = null;
        if (IsInconclusive(rollout) && pauses > 0 && RolloutJson.Bool(rollout["status"]?["controllerPause"]))
        {
            // An inconclusive analysis step: the controller's own pause is lifted too, and the step moved on.
            if (NextStepIndex(rollout) is { } index)
            {
                status = Status(new JsonObject { ["pauseConditions"] = null, ["controllerPause"] = false, ["currentStepIndex"] = index });
            }
        }
        else if (pauses > 0)
        {
            status = Status(new JsonObject { ["pauseConditions"] = null });
        }
        else if (rollout["spec"]?["strategy"]?["canary"] is not null && NextStepIndex(rollout) is { } index)
        {
            status = Status(new JsonObject { ["pauseConditions"] = null, ["currentStepIndex"] = index });
            unified = Both(Spec(false), new JsonObject { ["pauseConditions"] = null, ["currentStepIndex"] = index });
        }

        return new RolloutActionPlan(status, paused ? Spec(false) : null, unified);
    }

    /// <summary>getPatches' full case: unpause, and set promoteFull unless the stable is already the current pod template.</summary>
    private static RolloutActionPlan PromoteFull(JsonObject rollout)
    {
        var status = rollout["status"];
        var promoted = RolloutJson.Text(status?["currentPodHash"]) == RolloutJson.Text(status?["stableRS"]);
        return new RolloutActionPlan(
            promoted ? null : Status(new JsonObject { ["promoteFull"] = true }),
            RolloutJson.Bool(rollout["spec"]?["paused"]) ? Spec(false) : null,
            Both(Spec(false), new JsonObject { ["promoteFull"] = true }));
    }

    /// <summary>Argo CD's resume: pause conditions cleared when there are any, spec.paused false when it was true; status first, as Argo CD patches it.</summary>
    private static RolloutActionPlan Resume(JsonObject rollout)
    {
        var status = (rollout["status"]?["pauseConditions"] as JsonArray)?.Count > 0 ? Status(new JsonObject { ["pauseConditions"] = null }) : null;
        var spec = RolloutJson.Bool(rollout["spec"]?["paused"]) ? Spec(false) : null;
        return new RolloutActionPlan(status, spec, status is null ? null : Both(spec, new JsonObject { ["pauseConditions"] = null }));
    }

    /// <summary>GetCurrentCanaryStep's index (0 when unset) moved on by one unless past the last step; null without steps.</summary>
    private static int? NextStepIndex(JsonObject rollout)
    {
        var steps = (rollout["spec"]?["strategy"]?["canary"]?["steps"] as JsonArray)?.Count ?? 0;
        if (steps == 0)
        {
            return null;
        }

        var index = RolloutJson.Int(rollout["status"]?["currentStepIndex"]) ?? 0;
        return index < steps ? index + 1 : index;
    }

    private static bool IsInconclusive(JsonObject rollout) =>
        rollout["spec"]?["strategy"]?["canary"] is not null
        && RolloutJson.Text(rollout["status"]?["canary"]?["currentStepAnalysisRunStatus"]?["status"]) == "Inconclusive";

    /// <summary>Abort and retry send one status patch, and the same patch to the object when the status subresource is not served.</summary>
    private static RolloutActionPlan Same(JsonObject status) => new(status, null, status.DeepClone().AsObject());

    private static JsonObject Status(JsonObject fields) => new() { ["status"] = fields };

    private static JsonObject Spec(bool paused) => new() { ["spec"] = new JsonObject { ["paused"] = paused } };

    private static JsonObject Both(JsonObject? spec, JsonObject status)
    {
        var patch = spec?["spec"] is { } specFields ? new JsonObject { ["spec"] = specFields.DeepClone() } : [];
        patch["status"] = status;
        return patch;
    }
}
