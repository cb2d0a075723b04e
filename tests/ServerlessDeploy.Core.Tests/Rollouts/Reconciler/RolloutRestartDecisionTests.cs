using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts.Reconciler;

/// <summary>
/// The pod restarter's arithmetic (rollout/restart.go) on a deployed canary of 4 replicas, one decision at a time: which
/// pods created before spec.restartAt one reconcile evicts and how many, when it sets status.restartedAt, and what it
/// waits for while it restarts, paused or not.
/// </summary>
public class RolloutRestartDecisionTests
{
    private static readonly DateTimeOffset RestartAt = TestCluster.Start.AddHours(1);

    [Theory]
    [InlineData("maxSurge: 1\n      maxUnavailable: 0", 4, 0, 1)] // maxUnavailable 0 still restarts one at a time
    [InlineData("maxUnavailable: 2", 4, 0, 2)]
    [InlineData("maxUnavailable: 2", 3, 0, 1)] // a pod not ready uses up one of the two
    [InlineData("maxUnavailable: 50%", 4, 0, 2)]
    [InlineData("maxUnavailable: 2", 4, 2, 2)] // pods created after restartAt are kept, and count as available
    public void One_reconcile_evicts_old_pods_in_name_order_up_to_what_the_available_pods_above_the_minimum_allow(string limits, int ready, int young, int budget)
    {
        var observation = Deployed(limits).Observe() with { Pods = [.. Pods(ready, young)] };

        var decision = RolloutReconciler.Decide(observation, RestartAt.AddSeconds(1));

        // Every old pod is named, so one a PodDisruptionBudget keeps is passed over for the next, as restart.go does.
        var evict = Assert.Single(decision.Writes.OfType<RolloutWrite.EvictPods>());
        Assert.Equal(budget, evict.Budget);
        Assert.Equal(Enumerable.Range(0, 4 - young).Select(i => $"old-{i}"), evict.Pods);
        Assert.Equal(new RolloutWait.Reobserve(), decision.Next);
        Assert.DoesNotContain(decision.Writes, write => write is RolloutWrite.WriteRolloutStatus status && status.Status["restartedAt"] is not null);
    }

    [Fact]
    public void With_no_room_above_the_minimum_nothing_is_evicted_and_the_rollout_looks_again_soon()
    {
        var (_, decisions) = Settle(Deployed("maxUnavailable: 2"), RestartAt.AddSeconds(1), Pods(2, 0));

        Assert.DoesNotContain(decisions.SelectMany(decision => decision.Writes), write => write is RolloutWrite.EvictPods);
        Assert.Equal(new RolloutWait.ReplicaSets(null), decisions[^1].Next);
    }

    [Fact]
    public void Pods_already_going_are_not_evicted_again_but_are_not_restarted_yet()
    {
        var observation = Deployed("maxUnavailable: 2").Observe() with { Pods = [.. Pods(4, 0, firstGoing: true)] };

        var decision = RolloutReconciler.Decide(observation, RestartAt.AddSeconds(1));

        var evict = Assert.Single(decision.Writes.OfType<RolloutWrite.EvictPods>());
        Assert.Equal<string>(["old-1", "old-2", "old-3"], evict.Pods);
        Assert.Equal(1, evict.Budget);
    }

    [Fact]
    public void With_evictions_held_after_a_refusal_nothing_is_evicted_restarted_at_stays_unset_and_the_rollout_looks_again_soon()
    {
        var (_, decisions) = Settle(Deployed("maxUnavailable: 2"), RestartAt.AddSeconds(1), Pods(4, 0), held: true);

        var writes = decisions.SelectMany(decision => decision.Writes).ToList();
        Assert.DoesNotContain(writes, write => write is RolloutWrite.EvictPods);
        Assert.DoesNotContain(writes, write => write is RolloutWrite.WriteRolloutStatus status && status.Status["restartedAt"] is not null);
        Assert.Equal(new RolloutWait.ReplicaSets(null), decisions[^1].Next);
    }

    [Fact]
    public void With_no_pod_older_than_restart_at_it_sets_restarted_at()
    {
        var observation = Deployed("maxUnavailable: 1").Observe() with { Pods = [.. Pods(0, 4)] };

        var decision = RolloutReconciler.Decide(observation, RestartAt.AddSeconds(1));

        Assert.DoesNotContain(decision.Writes, write => write is RolloutWrite.EvictPods);
        var status = Assert.Single(decision.Writes.OfType<RolloutWrite.WriteRolloutStatus>()).Status;
        Assert.Equal("2026-12-06T10:00:00Z", status["restartedAt"]?.ToString());
    }

    [Fact]
    public void At_restart_at_itself_nothing_is_due_yet_and_the_rollout_waits_until_then()
    {
        var (_, decisions) = Settle(Deployed("maxUnavailable: 1"), RestartAt);

        Assert.DoesNotContain(decisions.SelectMany(decision => decision.Writes), write => write is RolloutWrite.EvictPods);
        Assert.Equal(new RolloutWait.Until(RestartAt, "restart", RolloutWaitingFor.Restart), decisions[^1].Next);
    }

    [Fact]
    public void A_paused_rollout_waits_for_a_person_and_is_woken_at_a_restart_set_for_later()
    {
        var paused = Deployed("maxUnavailable: 1").WithSpec(spec => spec["paused"] = true);

        var (_, decisions) = Settle(paused, RestartAt.AddMinutes(-10));

        Assert.Equal(new RolloutWait.Person("spec.paused", RolloutHold.SpecPaused) { WakeAt = RestartAt }, decisions[^1].Next);
    }

    [Fact]
    public void A_paused_rollout_is_restarted_when_due_as_argo_restarts_it_and_looks_again_until_every_pod_is_new()
    {
        var paused = Deployed("maxUnavailable: 1").WithSpec(spec => spec["paused"] = true);

        var (evicting, decisions) = Settle(paused, RestartAt.AddSeconds(1));
        var (_, after) = Settle(evicting, RestartAt.AddSeconds(2), Pods(4, 0, firstGoing: true));

        Assert.Contains(decisions[0].Writes, write => write is RolloutWrite.EvictPods { Budget: 1 });
        Assert.Equal(new RolloutWait.ReplicaSets(null), after[^1].Next);
    }

    [Theory]
    [InlineData(5, "restart")]
    [InlineData(30, "pause step 3 ends")]
    public void In_a_timed_pause_the_rollout_wakes_at_the_pause_end_or_the_restart_whichever_comes_first(int restartAfterPauseStart, string reason)
    {
        // A new image (its template records the first restartAt as done), promoted past the indefinite pause to the 10 s one.
        var cluster = RolloutDrive.Until(Deployed("maxUnavailable: 1").WithImage("nginx:1.28"), stopAtTime: true).Cluster;
        cluster = RolloutDrive.Until(cluster.WithStatus(status => status.Remove("pauseConditions")), stopAtTime: true).Cluster;
        var pauseStart = RolloutJson.Time(cluster.Status["pauseConditions"]?[0]?["startTime"]) ?? default;
        var restartAt = pauseStart.AddSeconds(restartAfterPauseStart);
        cluster = cluster.WithSpec(spec => spec["restartAt"] = GoTime.Format(restartAt));

        var (_, decisions) = Settle(cluster, pauseStart);

        var until = Assert.IsType<RolloutWait.Until>(decisions[^1].Next);
        Assert.Equal(reason, until.Reason);
        Assert.Equal(reason == "restart" ? restartAt : pauseStart.AddSeconds(11), until.At);
    }

    /// <summary>
    /// Decides with these pods (all 4 old and ready when none are given) until the pass writes nothing more (observed
    /// generation, "rollout is restarting" first), or five passes.
    /// </summary>
    private static (TestCluster Cluster, List<RolloutDecision> Decisions) Settle(TestCluster cluster, DateTimeOffset now, IEnumerable<JsonObject>? pods = null, bool held = false)
    {
        var observed = (pods ?? Pods(4, 0)).ToList();
        var decisions = new List<RolloutDecision>();
        do
        {
            decisions.Add(RolloutReconciler.Decide(cluster.Observe() with { Pods = [.. observed.Select(pod => (JsonObject)pod.DeepClone())], EvictionsHeld = held }, now));
            cluster = cluster.Apply(decisions[^1]);
        }
        while (decisions[^1].Next is RolloutWait.Reobserve && decisions.Count < 5);

        return (cluster, decisions);
    }

    /// <summary>The canary deployed and healthy, then spec.restartAt set an hour on.</summary>
    private static TestCluster Deployed(string limits)
    {
        var yaml = TestCluster.Yaml.Replace("stableService: web-stable", "stableService: web-stable\n      " + limits, StringComparison.Ordinal);
        var deployed = RolloutDrive.Until(TestCluster.Of(yaml)).Cluster;
        return deployed.WithSpec(spec => spec["restartAt"] = GoTime.Format(RestartAt)) with { Now = RestartAt };
    }

    /// <summary>
    /// Ready pods created before restartAt ("old-…", all but <paramref name="ready"/> of 4 not ready, the first being
    /// deleted when <paramref name="firstGoing"/>), and <paramref name="young"/> created after it.
    /// </summary>
    private static IEnumerable<JsonObject> Pods(int ready, int young, bool firstGoing = false)
    {
        var old = young == 0 ? 4 : 4 - young;
        for (var i = 0; i < old; i++)
        {
            var pod = Pod($"old-{i}", RestartAt.AddMinutes(-30), i < ready);
            if (firstGoing && i == 0)
            {
                Assert.IsType<JsonObject>(pod["metadata"])["deletionTimestamp"] = GoTime.Format(RestartAt);
            }

            yield return pod;
        }

        for (var i = 0; i < young; i++)
        {
            yield return Pod($"young-{i}", RestartAt.AddSeconds(1), true);
        }
    }

    private static JsonObject Pod(string name, DateTimeOffset created, bool ready) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["creationTimestamp"] = GoTime.Format(created) },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False", ["lastTransitionTime"] = GoTime.Format(created) }),
        },
    };
}
