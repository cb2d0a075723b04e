using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Controllers.Simulation;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

/// <summary>The pure parts of the simulation: image tags, template hashes, conditions, options.</summary>
public sealed class SimulationRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("nginx", null)]
    [InlineData("nginx:1.27", "1.27")]
    [InlineData("registry.example.com:5000/team/app", null)]
    [InlineData("registry.example.com:5000/team/app:fail-1", "fail-1")]
    [InlineData("app:failing@sha256:0123abcd", "failing")]
    [InlineData("app@sha256:0123abcd", null)]
    public void The_tag_is_after_the_last_colon_that_follows_the_last_slash(string image, string? tag) =>
        Assert.Equal(tag, PodTemplates.Tag(image));

    [Theory]
    [InlineData("busybox:fail", true)]
    [InlineData("busybox:failover-2", true)]
    [InlineData("busybox:1.36", false)]
    [InlineData("fail/busybox:1.36", false)]
    [InlineData("registry:5000/failing", false)]
    public void A_pod_template_fails_to_run_when_any_container_tag_starts_with_fail(string image, bool fails)
    {
        var template = Template("""{"spec":{"initContainers":[{"name":"init","image":"busybox:1.36"}],"containers":[{"name":"app","image":"IMAGE"}]}}""".Replace("IMAGE", image, StringComparison.Ordinal));

        Assert.Equal(fails, PodTemplates.FailsToRun(template));
    }

    [Fact]
    public void The_template_hash_does_not_depend_on_field_order_but_on_values()
    {
        var a = Template("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}""");
        var reordered = Template("""{"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]},"metadata":{"labels":{"app":"web"}}}""");
        var other = Template("""{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}""");

        Assert.Equal(PodTemplates.Hash(a), PodTemplates.Hash(reordered));
        Assert.NotEqual(PodTemplates.Hash(a), PodTemplates.Hash(other));
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]+$", PodTemplates.Hash(a));
    }

    [Fact]
    public void A_condition_keeps_its_transition_time_while_its_status_stays()
    {
        var status = new JsonObject();
        Conditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", "a", Noon, Conditions.UpdateAndTransition);
        Conditions.Set(status, "Available", "True", "MinimumReplicasAvailable", "b", Noon, Conditions.UpdateAndTransition);

        Conditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", "c", Noon.AddMinutes(1), Conditions.UpdateAndTransition);

        var progressing = Conditions.Find(status, "Progressing")!;
        Assert.Equal(["Available", "Progressing"], status["conditions"]!.AsArray().Select(c => c!["type"]!.ToString()));
        Assert.Equal(("2026-01-01T12:00:00Z", "2026-01-01T12:01:00Z"), (progressing["lastTransitionTime"]!.ToString(), progressing["lastUpdateTime"]!.ToString()));
    }

    [Fact]
    public void Available_follows_maxUnavailable_of_the_rolling_update()
    {
        var deployment = JsonNode.Parse("""
            {"metadata":{"name":"web","generation":2},"spec":{"replicas":4,"strategy":{"rollingUpdate":{"maxUnavailable":"50%"}},
             "template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}},
             "status":{"observedGeneration":1,"replicas":4,"updatedReplicas":4,"availableReplicas":2}}
            """)!.AsObject();

        var status = DeploymentSimulation.Started(deployment, Noon);

        Assert.Equal("True", Conditions.Find(status, "Available")!["status"]!.ToString());
        Assert.Equal((6L, 4L, 2L), ((long)status["replicas"]!, (long)status["updatedReplicas"]!, (long)status["availableReplicas"]!));
    }

    [Fact]
    public void A_simulator_does_not_want_its_own_status_writes()
    {
        var deployment = JsonNode.Parse("""{"metadata":{"name":"web","generation":1},"spec":{"template":{}}}""")!.AsObject();
        deployment["status"] = DeploymentSimulation.Finished(deployment, Noon);

        Assert.All(SimulatedControllers.Kinds.Where(k => k.GroupResource == "deployments.apps"), k => Assert.False(k.Wants(deployment)));
    }

    [Fact]
    public void No_simulated_controller_runs_when_the_simulation_is_off()
    {
        var cluster = new ClusterState(TimeProvider.System);

        Assert.Empty(SimulatedControllers.Create(cluster, null!, new LocalClusterOptions { SimulateControllers = false }, TextWriter.Null));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, -1)]
    [InlineData(31 * 24 * 3600, null)]
    public void Negative_or_overlong_controller_times_are_refused(int delaySeconds, int? deadlineSeconds)
    {
        var options = new LocalClusterOptions
        {
            ControllerDelay = TimeSpan.FromSeconds(delaySeconds),
            FailureDeadline = deadlineSeconds is { } d ? TimeSpan.FromSeconds(d) : null,
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    private static JsonObject Template(string json) => JsonNode.Parse(json)!.AsObject();
}
