using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>
/// Known template → hash pairs from Argo Rollouts' own repository. Each was updated there when Argo moved to
/// k8s.io/api v0.34 (commit de4165cab, "updating hashes on tests after k8s upgrade"), which gives both lines' values.
/// </summary>
public class PodTemplateHashTests
{
    // utils/conditions/rollouts_test.go TestRolloutHealthy and utils/experiment/experiment_test.go
    // TestReplicaSetNameFromExperiment hash the zero PodTemplateSpec, with and without collisionCount 1.
    [Theory]
    [InlineData("V19", null, "658c46c486", """{"metadata":{},"spec":{"containers":null}}""")]
    [InlineData("V19", 1, "6746d5bbc", """{"metadata":{},"spec":{"containers":null}}""")]
    [InlineData("V18", null, "76bbb58f74", """{"metadata":{"creationTimestamp":null},"spec":{"containers":null}}""")]
    [InlineData("V18", 1, "688c48b575", """{"metadata":{"creationTimestamp":null},"spec":{"containers":null}}""")]
    public void An_empty_template_hashes_as_in_Argo(string line, int? collisionCount, string hash, string goJson) =>
        Assert.Equal(new PodTemplateHashOutcome.Computed(hash, goJson), PodTemplateHash.Compute([], collisionCount, Line(line)));

    // rollout/controller_test.go TestPodTemplateHashEquivalence: two spellings of the same resources, one ReplicaSet name.
    [Theory]
    [InlineData("V19", "\"2000m\"", "\"150m\"", "6f496f9f78")]
    [InlineData("V19", "\"2\"", "0.15", "6f496f9f78")]
    [InlineData("V18", "\"2000m\"", "\"150m\"", "6c5667f666")]
    [InlineData("V18", "\"2\"", "0.15", "6c5667f666")]
    public void Quantities_are_hashed_in_canonical_form(string line, string cpuLimit, string cpuRequest, string hash)
    {
        var template = Json("""
            {"metadata":{"labels":{"foo":"bar"}},
             "spec":{"containers":[{"name":"container-name","image":"foo/bar",
               "resources":{"limits":{"cpu":CPU_LIMIT,"memory":"8192M"},"requests":{"cpu":CPU_REQUEST,"memory":"8192M"}}}]}}
            """.Replace("CPU_LIMIT", cpuLimit, StringComparison.Ordinal).Replace("CPU_REQUEST", cpuRequest, StringComparison.Ordinal));

        var outcome = Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null, Line(line)));

        Assert.Equal(hash, outcome.Hash);
    }

    // test/e2e/functional/canary-scaledownonabort.yaml, hash asserted by test/e2e/canary_test.go TestCanaryScaleDownOnAbort.
    [Theory]
    [InlineData("V19", "674d8cf959")]
    [InlineData("V18", "66597877b7")]
    public void The_scale_down_on_abort_e2e_template_hashes_as_in_Argo(string line, string hash)
    {
        var template = Json("""
            {"metadata":{"labels":{"app":"canary-scaledowndelay"}},
             "spec":{"containers":[{"name":"canary-scaledowndelay","image":"nginx:1.19-alpine",
               "ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
               "resources":{"requests":{"memory":"16Mi","cpu":"5m"}}}]}}
            """);

        Assert.Equal(hash, Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null, Line(line))).Hash);
    }

    // test/e2e/functional/canary-dynamic-stable-scale.yaml, hash asserted by TestCanaryDynamicStableScale.
    [Theory]
    [InlineData("V19", "6b56c8cdb4")]
    [InlineData("V18", "868d98995b")]
    public void The_dynamic_stable_scale_e2e_template_hashes_as_in_Argo(string line, string hash)
    {
        var template = Json("""
            {"metadata":{"labels":{"app":"dynamic-stable-scale"}},
             "spec":{"readinessGates":[{"conditionType":"argoproj.io/e2e-readiness"}],
               "containers":[{"name":"dynamic-stable-scale","image":"nginx:1.19-alpine",
                 "ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
                 "resources":{"requests":{"memory":"16Mi","cpu":"5m"}}}]}}
            """);

        Assert.Equal(hash, Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null, Line(line))).Hash);
    }

    // rollout/service_test.go TestCanaryAWSVerifyTargetGroups*: the status.selector patch names the ReplicaSet of
    // bumpVersion(newCanaryRollout(...)), whose template is newRollout's with image foo/bar2.
    [Theory]
    [InlineData("V19", "5cb4fd98cf")]
    [InlineData("V18", "58c48fdff5")]
    public void The_controller_test_template_bumped_to_revision_2_hashes_as_in_Argo(string line, string hash)
    {
        var template = Json("""{"metadata":{"labels":{"foo":"bar"}},"spec":{"containers":[{"name":"container-name","image":"foo/bar2"}]}}""");

        Assert.Equal(hash, Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null, Line(line))).Hash);
    }

    [Fact]
    public void Fields_are_written_in_Go_order_with_empty_structs_and_sorted_map_keys()
    {
        var template = Json("""
            {"spec":{"containers":[{"image":"app:1","name":"app","ports":[{"containerPort":8080}],
               "readinessProbe":{"periodSeconds":5,"httpGet":{"port":"http","path":"/ready"}}}],
               "securityContext":{}},
             "metadata":{"labels":{"b":"2","a":"1"},"annotations":{"note":"<a&b>"}}}
            """);

        var outcome = Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null));

        Assert.Equal(
            """
            {"metadata":{"labels":{"a":"1","b":"2"},"annotations":{"note":"\u003ca\u0026b\u003e"}},"spec":{"containers":[{"name":"app","image":"app:1","ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{},"readinessProbe":{"httpGet":{"path":"/ready","port":"http"},"periodSeconds":5}}],"securityContext":{}}}
            """,
            outcome.GoJson);
    }

    [Fact]
    public void A_field_Go_does_not_know_gives_no_hash_but_names_the_field()
    {
        var template = Json("""{"spec":{"containers":[{"name":"app","imagePullPolicy":"Always","imagePulPolicy":"x"}]}}""");

        Assert.Equal(
            new PodTemplateHashOutcome.Inexact("spec.template.spec.containers[0].imagePulPolicy", "Container has no field 'imagePulPolicy' in the Go layout we know"),
            PodTemplateHash.Compute(template, null));
    }

    [Fact]
    public void A_value_Go_cannot_decode_gives_no_hash()
    {
        var template = Json("""{"spec":{"containers":[{"name":"app","ports":[{"containerPort":80.5}]}]}}""");

        var inexact = Assert.IsType<PodTemplateHashOutcome.Inexact>(PodTemplateHash.Compute(template, null));

        Assert.Equal("spec.template.spec.containers[0].ports[0].containerPort", inexact.Path);
    }

    [Fact]
    public void Argo_1_8_drops_fields_its_Kubernetes_types_did_not_have_yet()
    {
        var withNewField = Json("""{"spec":{"hostnameOverride":"web","containers":[]}}""");
        var without = Json("""{"spec":{"containers":[]}}""");

        Assert.Equal(PodTemplateHash.Compute(without, null, ArgoRolloutsLine.V18), PodTemplateHash.Compute(withNewField, null, ArgoRolloutsLine.V18));
        Assert.NotEqual(PodTemplateHash.Compute(without, null, ArgoRolloutsLine.V19), PodTemplateHash.Compute(withNewField, null, ArgoRolloutsLine.V19));
    }

    [Fact]
    public void A_host_alias_ip_is_written_even_when_empty_since_Kubernetes_1_34()
    {
        var template = Json("""{"spec":{"containers":[],"hostAliases":[{"hostnames":["db"]}]}}""");

        Assert.Contains("\"hostAliases\":[{\"ip\":\"\",\"hostnames\":[\"db\"]}]", Computed(template, ArgoRolloutsLine.V19).GoJson, StringComparison.Ordinal);
        Assert.Contains("\"hostAliases\":[{\"hostnames\":[\"db\"]}]", Computed(template, ArgoRolloutsLine.V18).GoJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collision_count_changes_the_hash() =>
        Assert.NotEqual(PodTemplateHash.Of("{}", null), PodTemplateHash.Of("{}", 0));

    private static PodTemplateHashOutcome.Computed Computed(JsonObject template, ArgoRolloutsLine line) =>
        Assert.IsType<PodTemplateHashOutcome.Computed>(PodTemplateHash.Compute(template, null, line));

    private static ArgoRolloutsLine Line(string name) => Enum.Parse<ArgoRolloutsLine>(name);

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
