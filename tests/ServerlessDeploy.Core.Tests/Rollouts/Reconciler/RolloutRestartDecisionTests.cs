using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts.Reconciler;

/// <summary>
/// The pod restarter's arithmetic (rollout/restart.go) on a deployed canary of 4 replicas, one decision at a time: how
/// many pods created before spec.restartAt one reconcile deletes, and when it sets status.restartedAt.
/// </summary>
public class RolloutRestartDecisionTests
{
    private static readonly DateTimeOffset RestartAt = TestCluster.Start.AddHours(1);

    [Theory]
    [InlineData("maxSurge: 1\n      maxUnavailable: 0", 4, 0, 1)] // maxUnavailable 0 still restarts one at a time
    [InlineData("maxUnavailable: 2", 4, 0, 2)]
    [InlineData("maxUnavailable: 2", 3, 0, 1)] // a pod not ready uses up one of the two
    [InlineData("maxUnavailable: 2", 2, 0, 0)]
    [InlineData("maxUnavailable: 50%", 4, 0, 2)]
    [InlineData("maxUnavailable: 2", 4, 2, 2)] // pods created after restartAt are kept, and count as available
    public void One_reconcile_deletes_the_old_pods_that_the_available_pods_above_the_minimum_allow(string limits, int ready, int young, int deleted)
    {
        var observation = Deployed(limits).Observe() with { Pods = [.. Pods(ready, young)] };

        var decision = RolloutReconciler.Decide(observation, RestartAt.AddSeconds(1));

        var deletes = decision.Writes.OfType<RolloutWrite.DeletePod>().Select(d => d.Name).ToList();
        Assert.Equal(deleted, deletes.Count);
        Assert.All(deletes, name => Assert.StartsWith("old-", name, StringComparison.Ordinal));
        Assert.DoesNotContain(decision.Writes, write => write is RolloutWrite.WriteRolloutStatus status && status.Status["restartedAt"] is not null);
    }

    [Fact]
    public void With_no_pod_older_than_restart_at_it_sets_restarted_at()
    {
        var observation = Deployed("maxUnavailable: 1").Observe() with { Pods = [.. Pods(0, 4)] };

        var decision = RolloutReconciler.Decide(observation, RestartAt.AddSeconds(1));

        Assert.DoesNotContain(decision.Writes, write => write is RolloutWrite.DeletePod);
        var status = Assert.Single(decision.Writes.OfType<RolloutWrite.WriteRolloutStatus>()).Status;
        Assert.Equal("2026-12-06T10:00:00Z", status["restartedAt"]?.ToString());
    }

    [Fact]
    public void At_restart_at_itself_nothing_is_due_yet_and_the_rollout_waits_until_then()
    {
        var cluster = Deployed("maxUnavailable: 1");
        var decisions = new List<RolloutDecision>();

        // The status is written first (observed generation, "rollout is restarting"); then the pass rests.
        do
        {
            decisions.Add(RolloutReconciler.Decide(cluster.Observe() with { Pods = [.. Pods(4, 0)] }, RestartAt));
            cluster = cluster.Apply(decisions[^1]);
        }
        while (decisions[^1].Next is RolloutWait.Reobserve && decisions.Count < 5);

        Assert.DoesNotContain(decisions.SelectMany(decision => decision.Writes), write => write is RolloutWrite.DeletePod);
        Assert.Equal(new RolloutWait.Until(RestartAt, "restart", RolloutWaitingFor.Restart), decisions[^1].Next);
    }

    /// <summary>The canary deployed and healthy, then spec.restartAt set an hour on.</summary>
    private static TestCluster Deployed(string limits)
    {
        var yaml = TestCluster.Yaml.Replace("stableService: web-stable", "stableService: web-stable\n      " + limits, StringComparison.Ordinal);
        var deployed = RolloutDrive.Until(TestCluster.Of(yaml)).Cluster;
        return deployed.WithSpec(spec => spec["restartAt"] = GoTime.Format(RestartAt)) with { Now = RestartAt };
    }

    /// <summary>Ready pods created before restartAt ("old-…", all but <paramref name="ready"/> of 4 not ready), and <paramref name="young"/> created after it.</summary>
    private static IEnumerable<JsonObject> Pods(int ready, int young)
    {
        var old = young == 0 ? 4 : 4 - young;
        for (var i = 0; i < old; i++)
        {
            yield return Pod($"old-{i}", RestartAt.AddMinutes(-30), i < ready);
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
