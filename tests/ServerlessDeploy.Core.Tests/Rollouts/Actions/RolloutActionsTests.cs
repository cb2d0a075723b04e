using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts.Actions;

/// <summary>
/// Each verb's patches against the Argo Rollouts kubectl plugin's (cmd/promote/promote.go getPatches, abort, retry,
/// pause) and Argo CD's resume action: the exact JSON, where it goes, and the plugin's fallback for a CRD without the
/// status subresource. The Rollout has steps setWeight 25 / pause {} / setWeight 50 / pause 1s.
/// </summary>
public class RolloutActionsTests
{
    [Fact]
    public void Promote_at_a_pause_step_clears_the_pause_conditions_only()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(status: """{"currentStepIndex":1,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-01-01T00:00:00Z"}]}"""));

        AssertPatches("""{"status":{"pauseConditions":null}}""", null, """{"spec":{"paused":false},"status":{"pauseConditions":null}}""", plan);
    }

    [Fact]
    public void Promote_of_a_manually_paused_rollout_also_unpauses_its_spec()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(spec: """{"paused":true}""", status: """{"currentStepIndex":1,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-01-01T00:00:00Z"}]}"""));

        AssertPatches("""{"status":{"pauseConditions":null}}""", """{"spec":{"paused":false}}""", """{"spec":{"paused":false},"status":{"pauseConditions":null}}""", plan);
    }

    [Fact]
    public void Promote_without_a_pause_moves_on_one_step()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(status: """{"currentStepIndex":2}"""));

        AssertPatches("""{"status":{"pauseConditions":null,"currentStepIndex":3}}""", null, """{"spec":{"paused":false},"status":{"pauseConditions":null,"currentStepIndex":3}}""", plan);
    }

    [Fact]
    public void Promote_counts_an_unset_step_index_as_step_0()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(status: "{}"));

        Assert.Equal("""{"status":{"pauseConditions":null,"currentStepIndex":1}}""", plan.Status?.ToJsonString());
    }

    [Fact]
    public void Promote_past_the_last_step_keeps_the_index_as_the_plugin_does()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(status: """{"currentStepIndex":4}"""));

        Assert.Equal("""{"status":{"pauseConditions":null,"currentStepIndex":4}}""", plan.Status?.ToJsonString());
    }

    [Fact]
    public void Promote_of_a_canary_without_steps_that_is_not_paused_sends_nothing()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(steps: "[]", status: "{}"));

        Assert.Null(plan.Status);
        Assert.Null(plan.Spec);
    }

    [Fact]
    public void Promote_of_an_inconclusive_analysis_pause_lifts_the_controller_pause_and_moves_on()
    {
        var plan = Patches(RolloutVerb.Promote, Rollout(status: """
            {"currentStepIndex":1,"controllerPause":true,"pauseConditions":[{"reason":"InconclusiveAnalysisRun","startTime":"2026-01-01T00:00:00Z"}],
             "canary":{"currentStepAnalysisRunStatus":{"status":"Inconclusive"}}}
            """));

        AssertPatches("""{"status":{"pauseConditions":null,"controllerPause":false,"currentStepIndex":2}}""", null, """{"spec":{"paused":false},"status":{"pauseConditions":null}}""", plan);
    }

    [Fact]
    public void Promote_full_sets_promote_full_while_the_canary_is_not_the_stable()
    {
        var plan = Patches(RolloutVerb.PromoteFull, Rollout(spec: """{"paused":true}""", status: """{"currentPodHash":"b","stableRS":"a"}"""));

        AssertPatches("""{"status":{"promoteFull":true}}""", """{"spec":{"paused":false}}""", """{"spec":{"paused":false},"status":{"promoteFull":true}}""", plan);
    }

    [Fact]
    public void Promote_full_of_a_fully_promoted_rollout_sends_nothing()
    {
        var plan = Patches(RolloutVerb.PromoteFull, Rollout(status: """{"currentPodHash":"a","stableRS":"a"}"""));

        Assert.Null(plan.Status);
        Assert.Null(plan.Spec);
    }

    [Theory]
    [InlineData(RolloutVerb.Abort, """{"status":{"abort":true}}""")]
    [InlineData(RolloutVerb.Retry, """{"status":{"abort":false}}""")]
    public void Abort_and_retry_set_status_abort_and_fall_back_to_the_same_patch(RolloutVerb verb, string patch)
    {
        var plan = Patches(verb, Rollout(status: """{"currentStepIndex":1}"""));

        AssertPatches(patch, null, patch, plan);
    }

    [Fact]
    public void Pause_sets_spec_paused_and_touches_no_status()
    {
        var plan = Patches(RolloutVerb.Pause, Rollout(status: """{"currentStepIndex":1}"""));

        AssertPatches(null, """{"spec":{"paused":true}}""", null, plan);
    }

    [Fact]
    public void Resume_clears_pause_conditions_and_spec_paused_without_moving_a_step()
    {
        var plan = Patches(RolloutVerb.Resume, Rollout(spec: """{"paused":true}""", status: """{"currentStepIndex":1,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-01-01T00:00:00Z"}]}"""));

        AssertPatches("""{"status":{"pauseConditions":null}}""", """{"spec":{"paused":false}}""", """{"spec":{"paused":false},"status":{"pauseConditions":null}}""", plan);
    }

    [Fact]
    public void Resume_of_a_rollout_that_is_not_paused_sends_nothing()
    {
        var plan = Patches(RolloutVerb.Resume, Rollout(status: """{"currentStepIndex":2}"""));

        AssertPatches(null, null, null, plan);
    }

    [Fact]
    public void Restart_sets_spec_restart_at_to_the_time_asked_in_utc_to_the_second_as_the_plugins_restart_patch()
    {
        var at = new DateTimeOffset(2026, 12, 6, 10, 30, 15, 750, TimeSpan.FromHours(2));

        var plan = RolloutActions.Plan(RolloutVerb.Restart, Rollout(status: """{"currentStepIndex":4}"""), at);

        AssertPatches(null, """{"spec":{"restartAt":"2026-12-06T08:30:15Z"}}""", null, plan);
    }

    private static RolloutActionPlan Patches(RolloutVerb verb, JsonObject rollout) =>
        RolloutActions.Plan(verb, rollout, DateTimeOffset.UnixEpoch);

    private static void AssertPatches(string? status, string? spec, string? unified, RolloutActionPlan plan)
    {
        Assert.Equal(status, plan.Status?.ToJsonString());
        Assert.Equal(spec, plan.Spec?.ToJsonString());
        Assert.Equal(unified, plan.Unified?.ToJsonString());
    }

    private static JsonObject Rollout(string spec = "{}", string status = "{}", string steps = """[{"setWeight":25},{"pause":{}},{"setWeight":50},{"pause":{"duration":"1s"}}]""")
    {
        var rollout = JsonNode.Parse("""{"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web"},"spec":{"replicas":4,"strategy":{"canary":{"steps":"""
            + steps + """}}},"status":""" + status + "}")!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(spec)!.AsObject().ToList())
        {
            rollout["spec"]![key] = value?.DeepClone();
        }

        return rollout;
    }
}
