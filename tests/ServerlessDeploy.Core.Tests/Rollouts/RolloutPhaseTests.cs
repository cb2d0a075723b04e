using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>
/// Argo Rollouts' utils/rollout/rolloututil_test.go, transcribed for the canary strategy: TestRolloutStatusDegraded,
/// Paused, Progressing and Healthy (their canary cases), TestIsUnpausing and Test_isGenerationObserved. Each starts
/// from Argo's newCanaryRollout: 5 replicas, steps setWeight 10 / pause 60s / setWeight 20, at step 1, with 4 replicas,
/// 1 ready, 3 updated and 2 available.
/// </summary>
public class RolloutPhaseTests
{
    [Fact]
    public void A_timed_out_rollout_is_degraded() =>
        AssertPhase("Degraded", "ProgressDeadlineExceeded: timed out",
            Canary(status: """{"conditions":[{"type":"Progressing","reason":"ProgressDeadlineExceeded","message":"timed out"}]}"""));

    [Fact]
    public void An_aborted_rollout_is_degraded() =>
        AssertPhase("Degraded", "RolloutAborted: Rollout aborted update to revision 2",
            Canary(status: """{"conditions":[{"type":"Progressing","reason":"RolloutAborted","message":"Rollout aborted update to revision 2"}]}"""));

    [Fact]
    public void An_invalid_spec_is_degraded() =>
        AssertPhase("Degraded", "InvalidSpec: The Rollout \"x\" is invalid",
            Canary(status: """{"conditions":[{"type":"InvalidSpec","reason":"InvalidSpec","message":"The Rollout \"x\" is invalid"}]}"""));

    [Fact]
    public void A_manually_paused_rollout_is_paused() =>
        AssertPhase("Paused", "manually paused", Canary(spec: """{"paused":true}"""));

    [Fact]
    public void A_rollout_paused_by_a_step_is_paused_with_the_reason() =>
        AssertPhase("Paused", "CanaryPauseStep", Canary(status: """{"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-01-01T00:00:00Z"}]}"""));

    [Theory]
    [InlineData(4, 4, 5, "more replicas need to be updated")]
    [InlineData(5, 4, 5, "updated replicas are still becoming available")]
    [InlineData(5, 5, 7, "old replicas are pending termination")]
    public void A_rollout_with_pods_to_update_or_start_is_progressing(int updated, int available, int replicas, string message) =>
        AssertPhase("Progressing", message,
            Canary(spec: """{"replicas":5}""", status: $$"""{"updatedReplicas":{{updated}},"availableReplicas":{{available}},"replicas":{{replicas}}}"""));

    [Fact]
    public void A_new_rollout_with_hashes_but_no_updated_replicas_is_progressing() =>
        AssertPhase("Progressing", "more replicas need to be updated",
            Canary(spec: """{"replicas":null}""", status: """{"observedGeneration":"0","stableRS":"abc1234","currentPodHash":"abc1234"}""", replaceStatus: true));

    [Theory]
    [InlineData("1", "Progressing", "waiting for rollout spec update to be observed")]
    // A v0.9 Rollout's observedGeneration is a hash, and an all-numeric hash is larger than the generation.
    [InlineData("7d66d4485f", "Progressing", "more replicas need to be updated")]
    [InlineData("1366344857", "Progressing", "more replicas need to be updated")]
    public void The_observed_generation_decides_whether_the_spec_was_seen(string observedGeneration, string phase, string message) =>
        AssertPhase(phase, message,
            Canary(metadata: """{"generation":2}""", spec: """{"replicas":null}""",
                status: $$"""{"stableRS":"abc1234","currentPodHash":"abc1234","observedGeneration":"{{observedGeneration}}"}""", replaceStatus: true));

    [Theory]
    [InlineData("invalid", 0, true)]
    [InlineData("10", 9, true)]
    [InlineData("10", 10, true)]
    [InlineData("10", 11, false)]
    public void Generation_observed_as_in_Argo(string observedGeneration, int generation, bool observed)
    {
        var rollout = Canary(metadata: $$"""{"generation":{{generation}}}""", status: $$"""{"observedGeneration":"{{observedGeneration}}"}""", replaceStatus: true);

        var outcome = Assert.IsType<RolloutPhaseOutcome.Determined>(RolloutPhase.Get(rollout));

        Assert.Equal(observed, outcome.Message != "waiting for rollout spec update to be observed");
    }

    [Fact]
    public void A_rollout_not_yet_restarted_is_progressing() =>
        AssertPhase("Progressing", "rollout is restarting",
            Canary(spec: """{"restartAt":"2026-12-06T08:00:00Z"}""", status: Complete("")));

    [Fact]
    public void A_rollout_restarted_at_the_requested_time_is_healthy() =>
        AssertPhase("Healthy", "",
            Canary(spec: """{"restartAt":"2026-12-06T08:00:00Z"}""", status: Complete(""","restartedAt":"2026-12-06T08:00:00Z" """)));

    [Fact]
    public void A_rollout_waiting_on_its_reference_workload_is_progressing()
    {
        var rollout = Canary(
            metadata: """{"annotations":{"rollout.argoproj.io/workload-generation":"2"}}""",
            spec: """{"templateResolvedFromRef":true}""",
            status: """{"workloadObservedGeneration":"1"}""", replaceStatus: true);

        AssertPhase("Progressing", "waiting for rollout spec update to be observed for the reference workload", rollout);
    }

    [Theory]
    [InlineData("222222222222222222", true)]
    [InlineData("1", false)]
    [InlineData("2", true)]
    public void Workload_generation_observed_as_in_Argo(string workloadObservedGeneration, bool observed)
    {
        var rollout = Canary(
            metadata: """{"annotations":{"rollout.argoproj.io/workload-generation":"2"}}""",
            spec: """{"templateResolvedFromRef":true}""",
            status: Complete($$""","workloadObservedGeneration":"{{workloadObservedGeneration}}" """));

        var outcome = Assert.IsType<RolloutPhaseOutcome.Determined>(RolloutPhase.Get(rollout));

        Assert.Equal(observed, outcome.Phase == "Healthy");
    }

    [Fact]
    public void A_fully_promoted_canary_is_healthy() => AssertPhase("Healthy", "", Canary(status: Complete("")));

    [Fact]
    public void A_canary_with_an_observed_workload_generation_is_healthy() =>
        AssertPhase("Healthy", "",
            Canary(metadata: """{"annotations":{"rollout.argoproj.io/workload-generation":"2"}}""", status: Complete(""","workloadObservedGeneration":"2" """)));

    [Fact]
    public void A_canary_short_of_its_last_step_is_progressing() =>
        AssertPhase("Progressing", "waiting for all steps to complete", Canary(status: Complete("").Replace("\"currentPodHash\":\"abc1234\"", "\"currentPodHash\":\"def5678\"", StringComparison.Ordinal)));

    [Fact]
    public void A_traffic_routed_canary_does_not_wait_for_old_replicas() =>
        AssertPhase("Healthy", "",
            Canary(spec: """{"strategy":{"canary":{"trafficRouting":{"nginx":{"stableIngress":"web"}}}}}""", status: Complete("").Replace("{\"replicas\":5", "{\"replicas\":7", StringComparison.Ordinal)));

    [Fact]
    public void The_phase_the_controller_wrote_is_trusted_until_an_unpause_is_pending()
    {
        // TestIsUnpausing
        var paused = Canary(status: """{"phase":"Paused","message":"canary pause","pauseConditions":[{"reason":"CanaryPauseStep"}],"controllerPause":true}""");
        AssertPhase("Paused", "canary pause", paused);

        var unpausing = Canary(status: """{"phase":"Paused","message":"canary pause","controllerPause":true}""");
        AssertPhase("Progressing", "waiting for rollout to unpause", unpausing);
    }

    [Fact]
    public void Blue_green_rollouts_are_refused_for_now()
    {
        var blueGreen = Json("""{"spec":{"replicas":5,"strategy":{"blueGreen":{"activeService":"active"}}},"status":{}}""");

        Assert.IsType<RolloutPhaseOutcome.Refused>(RolloutPhase.Get(blueGreen));
        Assert.IsType<RolloutPhaseOutcome.Refused>(RolloutPhase.Calculate(blueGreen));
    }

    private static void AssertPhase(string phase, string message, JsonObject rollout)
    {
        Assert.Equal(new RolloutPhaseOutcome.Determined(phase, message), RolloutPhase.Get(rollout));
        if (rollout["status"]?["phase"] is null && rollout["status"]?["observedGeneration"] is null && rollout["spec"]?["templateResolvedFromRef"] is null)
        {
            Assert.Equal(new RolloutPhaseOutcome.Determined(phase, message), RolloutPhase.Calculate(rollout));
        }
    }

    /// <summary>Argo's newCanaryRollout with <paramref name="spec"/> and <paramref name="status"/> merged over it (or the status replaced).</summary>
    private static JsonObject Canary(string metadata = "{}", string spec = "{}", string status = "{}", bool replaceStatus = false)
    {
        var rollout = Json("""
            {"metadata":{"name":"can-guestbook","namespace":"test"},
             "spec":{"replicas":5,"strategy":{"canary":{"steps":[{"setWeight":10},{"pause":{"duration":60}},{"setWeight":20}]}}},
             "status":{"currentStepIndex":1,"replicas":4,"readyReplicas":1,"updatedReplicas":3,"availableReplicas":2}}
            """);
        Merge(rollout["metadata"]!.AsObject(), Json(metadata));
        Merge(rollout["spec"]!.AsObject(), Json(spec));
        if (replaceStatus)
        {
            rollout["status"] = Json(status);
        }
        else
        {
            Merge(rollout["status"]!.AsObject(), Json(status));
        }

        return rollout;
    }

    /// <summary>The status of a canary at rest: 5 of 5 replicas updated, ready and available, stable = current; <paramref name="more"/> adds fields.</summary>
    private static string Complete(string more) =>
        $$"""{"replicas":5,"updatedReplicas":5,"availableReplicas":5,"readyReplicas":5,"stableRS":"abc1234","currentPodHash":"abc1234"{{more}}}""";

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            patch.Remove(key);
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
