using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>
/// Argo Rollouts' utils/replicaset/canary_test.go, transcribed: every case of TestCalculateReplicaCountsForCanary that
/// runs CalculateReplicaCountsForBasicCanary (the seven with a traffic router run the traffic-routed function instead),
/// all of TestApproximateWeightedNewStableReplicaCounts (its 57 rows hold 2 repeats, kept once), and the new-deployment and stable edge cases. As in Argo's
/// harness, the Rollout has one step (setWeight), the canary ReplicaSet is "canary" (the current pod hash) and the
/// stable one "stable"; abortScaleDownDelaySeconds is transcribed but has no bearing without a traffic router.
/// Argo's function does not validate (one case gives maxSurge and maxUnavailable both "0%"), so the port calls
/// <see cref="BasicCanaryReplicas.CalculateUnvalidated"/>; <see cref="BasicCanaryReplicas.Calculate"/> refuses that Rollout as Argo's validation does.
/// </summary>
public class BasicCanaryReplicasTests
{
    [Theory]
    [InlineData("Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas", 10, 100, "3", "0", false, false, 7, 8, 6, 3, null, null, null, 6, 7)]
    [InlineData("Use max surge int to scale up canary", 10, 20, "2", "0", false, false, 10, 10, 0, 0, null, null, null, 2, 10)]
    [InlineData("Use max surge percentage to scale up canary", 10, 20, "20%", "0", false, false, 10, 10, 0, 0, null, null, null, 2, 10)]
    [InlineData("Scale down extra stable replicas", 10, 20, "20%", "0", false, false, 10, 10, 2, 2, null, null, null, 2, 8)]
    [InlineData("Do not go past max surge", 10, 30, "2", "0", false, false, 10, 10, 0, 0, null, null, null, 2, 10)]
    [InlineData("Use max unavailable int to scale down stableRS", 10, 20, "0", "2", false, false, 10, 10, 0, 0, null, null, null, 0, 8)]
    [InlineData("Use max surge percentage to scale down stableRS", 10, 20, "0", "20%", false, false, 10, 10, 0, 0, null, null, null, 0, 8)]
    [InlineData("Do not go past max unavailable", 10, 30, "0", "2", false, false, 10, 10, 0, 0, null, null, null, 0, 8)]
    [InlineData("Use Max Surge and Max Unavailable", 10, 50, "2", "1", false, false, 10, 10, 0, 0, null, null, null, 2, 9)]
    [InlineData("Scale canaryRS to zero on setWeight of 0%", 10, 0, "1", "1", false, false, 10, 10, 1, 1, null, null, null, 0, 10)]
    [InlineData("Scale stable to zero on setWeight of 100%", 10, 100, "1", "1", false, false, 1, 1, 10, 10, null, null, null, 10, 0)]
    [InlineData("Do not scale canaryRS down to zero on non-zero weight", 1, 20, "1", "0", false, false, 1, 1, 0, 0, null, null, null, 1, 1)]
    [InlineData("Do not scale canaryRS down to zero on non-100 weight", 1, 90, "1", "0", false, false, 1, 1, 0, 0, null, null, null, 1, 1)]
    [InlineData("Scale canaryRS to zero on <50 weight without surge", 1, 49, "0", "1", false, false, 1, 1, 0, 0, null, null, null, 0, 1)]
    [InlineData("Scale stableRS down to zero on >=50 weight without surge", 1, 51, "0", "1", false, false, 1, 1, 0, 0, null, null, null, 0, 0)]
    [InlineData("Scale canaryRS to one on >=50 weight without surge and stable replicas", 1, 51, "0", "1", false, false, 0, 0, 0, 0, null, null, null, 1, 0)]
    [InlineData("Scale up Stable before canaryRS", 10, 30, "1", "0", false, false, 1, 1, 0, 0, 3, 3, null, 1, 7)]
    [InlineData("Scale down canaryRS and stable", 10, 30, "0", "3", false, false, 8, 5, 4, 4, null, null, null, 3, 7)]
    [InlineData("Scale down stable and canary available", 10, 100, "1", "0", false, false, 10, 2, 10, 8, null, null, null, 9, 2)]
    [InlineData("Do not scale down canaryRS or stable when older RS count >= scaleDownCount", 10, 30, "0", "1", false, false, 8, 6, 4, 2, 3, 3, null, 4, 8)]
    [InlineData("Do not round past maxSurge with uneven setWeight divisor", 10, 5, "0", "1", false, false, 10, 10, 0, 0, null, null, null, 0, 9)]
    [InlineData("Do not round past maxSurge with uneven setWeight divisor (part 2)", 10, 5, "0", "1", false, false, 9, 9, 0, 0, null, null, null, 1, 9)]
    [InlineData("Use maxUnavailable of 1 when percentage of maxUnavailable and maxSurge result in 0 replicas", 10, 10, "0%", "0%", false, false, 10, 10, 0, 0, null, null, null, 0, 9)]
    [InlineData("Ignore setCanaryScale when trafficRouting is missing and use setWeight for replicas", 10, 20, "20%", "0", false, false, 10, 10, 0, 0, null, null, null, 2, 10)]
    [InlineData("honor maxSurge during scale up when stableRS unavailable", 4, 100, "1", "0", false, false, 4, 1, 0, 0, null, null, null, 1, 4)]
    [InlineData("scale down to maxunavailable without exceeding maxSurge", 3, 99, "0", "2", false, false, 3, 3, 0, 0, null, null, null, 0, 1)]
    [InlineData("honor maxUnavailable during scale down stableRS unavailable", 4, 100, "1", "0", false, false, 4, 1, 1, 1, null, null, null, 1, 3)]
    [InlineData("honor maxUnavailable when aborting or reducing weight part 1", 4, 0, "1", "0", false, false, 0, 0, 4, 4, null, null, null, 4, 1)]
    [InlineData("honor maxUnavailable when aborting or reducing weight part 2", 4, 0, "1", "0", false, false, 1, 0, 4, 4, null, null, null, 4, 1)]
    [InlineData("honor maxUnavailable when aborting or reducing weight part 3", 4, 0, "1", "0", false, false, 1, 1, 4, 4, null, null, null, 3, 1)]
    [InlineData("promote full does not consider weight", 4, 1, "4", "4", true, false, 4, 4, 0, 0, null, null, null, 4, 0)]
    [InlineData("promote full still honors maxSurge/maxUnavailable", 4, 1, "3", "0", true, false, 4, 4, 0, 0, null, null, null, 3, 4)]
    public void Replica_counts_match_Argo(
        string name, int specReplicas, int setWeight, string maxSurge, string maxUnavailable, bool promoteFull, bool abort,
        int stableSpec, int stableAvailable, int canarySpec, int canaryAvailable, int? olderSpec, int? olderAvailable,
        int? abortScaleDownDelaySeconds, int expectedCanary, int expectedStable)
    {
        _ = (name, abortScaleDownDelaySeconds);
        var rollout = Rollout(specReplicas, setWeight, Parse(maxSurge), Parse(maxUnavailable), "canary", "stable") with { PromoteFull = promoteFull, Abort = abort };
        CanaryReplicaSet? older = olderSpec is { } spec ? new("older", spec, olderAvailable ?? 0) : null;

        var outcome = BasicCanaryReplicas.CalculateUnvalidated(rollout, new("canary", canarySpec, canaryAvailable), new("stable", stableSpec, stableAvailable), [older]);

        Assert.Equal(new BasicCanaryOutcome.Counts(expectedCanary, expectedStable), outcome);
    }

    [Theory]
    [InlineData(0, 0, 100, 0, 0, 0)]
    [InlineData(0, 50, 100, 0, 0, 0)]
    [InlineData(0, 100, 100, 0, 0, 0)]
    [InlineData(0, 0, 100, 1, 0, 0)]
    [InlineData(0, 50, 100, 1, 0, 0)]
    [InlineData(0, 100, 100, 1, 0, 0)]
    [InlineData(1, 0, 100, 0, 0, 1)]
    [InlineData(1, 1, 100, 0, 0, 1)]
    [InlineData(1, 49, 100, 0, 0, 1)]
    [InlineData(1, 50, 100, 0, 1, 0)]
    [InlineData(1, 99, 100, 0, 1, 0)]
    [InlineData(1, 100, 100, 0, 1, 0)]
    [InlineData(1, 0, 100, 1, 0, 1)]
    [InlineData(1, 1, 100, 1, 1, 1)]
    [InlineData(1, 49, 100, 1, 1, 1)]
    [InlineData(1, 50, 100, 1, 1, 1)]
    [InlineData(1, 99, 100, 1, 1, 1)]
    [InlineData(1, 100, 100, 1, 1, 0)]
    [InlineData(2, 0, 100, 0, 0, 2)]
    [InlineData(2, 1, 100, 0, 1, 1)]
    [InlineData(2, 50, 100, 0, 1, 1)]
    [InlineData(2, 99, 100, 0, 1, 1)]
    [InlineData(2, 100, 100, 0, 2, 0)]
    [InlineData(2, 0, 100, 1, 0, 2)]
    [InlineData(2, 1, 100, 1, 1, 2)]
    [InlineData(2, 50, 100, 1, 1, 1)]
    [InlineData(2, 99, 100, 1, 2, 1)]
    [InlineData(2, 100, 100, 1, 2, 0)]
    [InlineData(3, 10, 100, 0, 1, 2)]
    [InlineData(3, 25, 100, 0, 1, 2)]
    [InlineData(3, 33, 100, 0, 1, 2)]
    [InlineData(3, 34, 100, 0, 1, 2)]
    [InlineData(3, 49, 100, 0, 1, 2)]
    [InlineData(3, 50, 100, 0, 2, 1)]
    [InlineData(3, 10, 100, 1, 1, 3)]
    [InlineData(3, 25, 100, 1, 1, 3)]
    [InlineData(3, 33, 100, 1, 1, 2)]
    [InlineData(3, 34, 100, 1, 1, 2)]
    [InlineData(3, 49, 100, 1, 2, 2)]
    [InlineData(3, 50, 100, 1, 2, 2)]
    [InlineData(10, 0, 100, 1, 0, 10)]
    [InlineData(10, 1, 100, 0, 1, 9)]
    [InlineData(10, 14, 100, 0, 1, 9)]
    [InlineData(10, 15, 100, 0, 2, 8)]
    [InlineData(10, 16, 100, 0, 2, 8)]
    [InlineData(10, 99, 100, 0, 9, 1)]
    [InlineData(10, 100, 100, 1, 10, 0)]
    [InlineData(10, 1, 100, 1, 1, 10)]
    [InlineData(10, 18, 100, 1, 2, 9)]
    [InlineData(10, 19, 100, 1, 2, 9)]
    [InlineData(10, 20, 100, 1, 2, 8)]
    [InlineData(10, 23, 100, 1, 2, 8)]
    [InlineData(10, 24, 100, 1, 3, 8)]
    [InlineData(10, 25, 100, 1, 3, 8)]
    [InlineData(10, 99, 100, 1, 10, 1)]
    public void Weighted_counts_approximate_the_weight_as_in_Argo(int replicas, int weight, int maxWeight, int maxSurge, int expectedCanary, int expectedStable) =>
        Assert.Equal((expectedCanary, expectedStable), BasicCanaryReplicas.ApproximateWeightedCounts(replicas, weight, maxWeight, maxSurge));

    [Fact]
    public void A_new_deployment_puts_every_replica_on_the_new_ReplicaSet()
    {
        // TestCalculateReplicaCountsForNewDeployment: the new and stable ReplicaSets are the same one.
        var rollout = Rollout(10, 10, IntOrPercent.Of(0), IntOrPercent.Of(1), "canary", "stable");

        var outcome = BasicCanaryReplicas.Calculate(rollout, new("stable", 10, 0), new("stable", 10, 0), []);

        Assert.Equal(new BasicCanaryOutcome.Counts(10, 0), outcome);
    }

    [Fact]
    public void Without_a_distinct_stable_ReplicaSet_the_new_one_goes_to_full_size()
    {
        // TestCalculateReplicaCountsForCanaryStableRSdEdgeCases
        var rollout = Rollout(10, 10, IntOrPercent.Of(0), IntOrPercent.Of(1), "", "");
        var newRS = new CanaryReplicaSet("stable", 9, 9);

        Assert.Equal(new BasicCanaryOutcome.Counts(10, 0), BasicCanaryReplicas.Calculate(rollout, newRS, null, []));
        Assert.Equal(new BasicCanaryOutcome.Counts(10, 0), BasicCanaryReplicas.Calculate(rollout, newRS, newRS, []));
    }

    [Theory]
    [InlineData(1, false, 100)]
    [InlineData(0, false, 10)]
    [InlineData(0, true, 0)]
    public void The_weight_in_force_is_the_last_setWeight_up_to_the_current_step(int stepIndex, bool abort, int expectedCanaryOfHundred)
    {
        // TestGetCurrentSetWeight, observed through a 100-replica Rollout with room to surge.
        var rollout = Rollout(100, 10, IntOrPercent.Of(100), IntOrPercent.Of(0), "canary", "stable") with { CurrentStepIndex = stepIndex, Abort = abort };

        var outcome = BasicCanaryReplicas.Calculate(rollout, new("canary", 0, 0), new("stable", 100, 100), []);

        Assert.Equal(expectedCanaryOfHundred, Assert.IsType<BasicCanaryOutcome.Counts>(outcome).Canary);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0%", "0")]
    [InlineData("0%", "0%")]
    public void Zero_surge_and_zero_unavailable_is_refused_as_Argo_validation_does(string maxSurge, string maxUnavailable)
    {
        var rollout = Rollout(10, 10, Parse(maxSurge), Parse(maxUnavailable), "canary", "stable");

        Assert.Equal(
            new BasicCanaryOutcome.Invalid("MaxSurge and MaxUnavailable both can not be zero"),
            BasicCanaryReplicas.Calculate(rollout, new("canary", 0, 0), new("stable", 10, 10), []));
    }

    [Fact]
    public void Surge_rounds_up_and_unavailable_rounds_down_and_both_rounding_to_zero_allows_one_unavailable()
    {
        // 10% of 4 replicas: surge ceil(0.4) = 1, unavailable floor(0.4) = 0.
        var surging = Rollout(4, 50, IntOrPercent.Of("10%"), IntOrPercent.Of("10%"), "canary", "stable");
        Assert.Equal(new BasicCanaryOutcome.Counts(1, 4), BasicCanaryReplicas.Calculate(surging, new("canary", 0, 0), new("stable", 4, 4), []));

        // maxSurge 0 and 10% of 4 unavailable resolve to zero both: one pod may go, so the stable shrinks by one.
        var squeezed = Rollout(4, 50, IntOrPercent.Of(0), IntOrPercent.Of("10%"), "canary", "stable");
        Assert.Equal(new BasicCanaryOutcome.Counts(0, 3), BasicCanaryReplicas.Calculate(squeezed, new("canary", 0, 0), new("stable", 4, 4), []));
    }

    [Fact]
    public void The_inputs_are_read_from_a_Rollout_object()
    {
        var rollout = System.Text.Json.Nodes.JsonNode.Parse("""
            {"spec":{"replicas":10,"strategy":{"canary":{"maxSurge":"20%","maxUnavailable":0,"steps":[{"setWeight":20},{"pause":{}}]}}},
             "status":{"currentStepIndex":1,"stableRS":"stable","currentPodHash":"canary"}}
            """)!.AsObject();

        var read = BasicCanaryRollout.From(rollout)!;

        Assert.Equal(
            new BasicCanaryOutcome.Counts(2, 10),
            BasicCanaryReplicas.Calculate(read, new("canary", 0, 0), new("stable", 10, 10), []));
        Assert.Equal([20, null], read.StepWeights);
        Assert.Null(BasicCanaryRollout.From(System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"strategy":{"canary":{"trafficRouting":{}}}}}""")!.AsObject()));
    }

    private static BasicCanaryRollout Rollout(int replicas, int setWeight, IntOrPercent maxSurge, IntOrPercent maxUnavailable, string currentPodHash, string stableRS) =>
        new(replicas, maxSurge, maxUnavailable, [setWeight], CurrentStepIndex: null, Abort: false, PromoteFull: false, stableRS, currentPodHash);

    private static IntOrPercent Parse(string value) =>
        int.TryParse(value, out var count) ? IntOrPercent.Of(count) : IntOrPercent.Of(value);
}
