using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>
/// Loading a Rollout: Argo Rollouts' defaults, the two pause forms and the duration forms Argo reads, and one error
/// naming the field for each kind of bad input and each valid Argo field not supported yet.
/// </summary>
public class RolloutSpecReaderTests
{
    private const string Canary = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
          strategy:
            canary:
              canaryService: web-canary
              stableService: web-stable
              steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {duration: 10s}
        """;

    [Fact]
    public void A_canary_reads_with_Argo_Rollouts_defaults_and_its_steps_in_order()
    {
        var read = RolloutSpecReader.Read(Rollout(Canary));

        Assert.True(read.IsValid, read.Error?.ToString());
        var spec = read.Spec;
        Assert.Equal((1, 10, 600, 0, false, false), (spec.Replicas, spec.RevisionHistoryLimit, spec.ProgressDeadlineSeconds, spec.MinReadySeconds, spec.ProgressDeadlineAbort, spec.Paused));
        Assert.Equal((IntOrPercent.Of("25%"), IntOrPercent.Of("25%")), (spec.Canary.MaxSurge, spec.Canary.MaxUnavailable));
        Assert.Equal(("web-canary", "web-stable"), (spec.Canary.CanaryService, spec.Canary.StableService));
        Assert.Equal<CanaryStep>(
            [new SetWeightStep(25), new PauseStep(null), new SetWeightStep(50), new PauseStep(TimeSpan.FromSeconds(10))],
            spec.Canary.Steps);
        Assert.True(((PauseStep)spec.Canary.Steps[1]).Indefinite);
        Assert.Equal("web", spec.Template["metadata"]?["labels"]?["app"]?.ToString());
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("'30'", 30)]
    [InlineData("10s", 10)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1500ms", 1)]
    [InlineData("0", 0)]
    public void A_pause_duration_is_seconds_or_a_Go_duration_as_Argo_reads_it(string duration, int seconds)
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace("pause: {duration: 10s}", $"pause: {{duration: {duration}}}")));

        Assert.True(read.IsValid, read.Error?.ToString());
        Assert.Equal(new PauseStep(TimeSpan.FromSeconds(seconds)), read.Spec.Canary.Steps[3]);
    }

    [Fact]
    public void Fields_Argo_accepts_and_ignores_without_a_traffic_router_are_accepted()
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace("canaryService: web-canary", "canaryService: web-canary\n      abortScaleDownDelaySeconds: 30\n      minPodsPerReplicaSet: 2\n      maxSurge: 1\n      maxUnavailable: '0%'")));

        Assert.True(read.IsValid, read.Error?.ToString());
        Assert.Equal((IntOrPercent.Of(1), IntOrPercent.Of("0%")), (read.Spec.Canary.MaxSurge, read.Spec.Canary.MaxUnavailable));
    }

    [Theory]
    [InlineData("strategy:\n    canary:", "strategy:\n    blueGreen: {activeService: web}\n    canary:",
        "spec.strategy: Invalid value: blueGreen: true canary: true: Multiple Strategies can not be listed")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      maxSurge: 0\n      maxUnavailable: 0",
        "spec.strategy.canary.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero")]
    [InlineData("- pause: {}", "- wait: {}",
        "spec.strategy.canary.steps[1]: Invalid value: {\"wait\":{}}: Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause")]
    [InlineData("- pause: {}", "- {setWeight: 10, pause: {}}",
        "spec.strategy.canary.steps[1]: Invalid value: {\"setWeight\":10,\"pause\":{}}: Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause")]
    [InlineData("duration: 10s", "duration: ten-seconds",
        "spec.strategy.canary.steps[3].pause.duration: Invalid value: -1: Duration needs to be greater than 0")]
    [InlineData("duration: 10s", "duration: -5",
        "spec.strategy.canary.steps[3].pause.duration: Invalid value: -5: Duration needs to be greater than 0")]
    [InlineData("- setWeight: 25", "- setWeight: -1",
        "spec.strategy.canary.steps[0].setWeight: Invalid value: -1: SetWeight needs to be between 0 and 100")]
    [InlineData("- setWeight: 50", "- setWeight: 120",
        "spec.strategy.canary.steps[2].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100")]
    [InlineData("selector: {matchLabels: {app: web}}", "selector: {matchLabels: {app: shop}}",
        "spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`")]
    [InlineData("selector: {matchLabels: {app: web}}", "selector: {}",
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment")]
    [InlineData("stableService: web-stable", "stableService: web-canary",
        "spec.strategy.canary.stableService: Invalid value: web-canary: This rollout uses the same service for the stable and canary services, but two different services are required.")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      maxSurge: lots",
        "spec.strategy.canary.maxSurge: Invalid value: \"lots\": must be an integer or percentage (e.g '5%')")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      scaleDownDelaySeconds: 30",
        "spec.strategy.canary.scaleDownDelaySeconds: Invalid value: 30: Canary scaleDownDelaySeconds can only be used with traffic routing")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      dynamicStableScale: true",
        "spec.strategy.canary.dynamicStableScale: Invalid value: true: Canary dynamicStableScale can only be used with traffic routing")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      weights: 3",
        "spec.strategy.canary.weights: unknown field")]
    [InlineData("selector:", "replicas: -2\n  selector:",
        "spec.replicas: Invalid value: -2: must be greater than or equal to 0")]
    [InlineData("selector:", "minReadySeconds: 700\n  selector:",
        "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds")]
    [InlineData("containers: [{name: web, image: nginx:1.27}]", "containers: []",
        "spec.template.spec.containers: Required value")]
    [InlineData("selector:", "restartAt: tomorrow\n  selector:",
        "spec.restartAt: Invalid value: \"tomorrow\": must be an RFC 3339 time")]
    [InlineData("selector:", "restartAt: \"2026-12-06 08:00\"\n  selector:",
        "spec.restartAt: Invalid value: \"2026-12-06 08:00\": must be an RFC 3339 time")]
    [InlineData("selector:", "restartAt: 1733472000\n  selector:",
        "spec.restartAt: Invalid value: 1733472000: must be an RFC 3339 time")]
    public void Each_bad_input_is_one_error_naming_its_field(string find, string replace, string error)
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace(find, replace)));

        Assert.False(read.IsValid);
        Assert.Equal(error, read.Error.ToString());
    }

    [Theory]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      trafficRouting: {nginx: {stableIngress: web}}", "spec.strategy.canary.trafficRouting")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      analysis: {templates: [{templateName: rate}]}", "spec.strategy.canary.analysis")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      antiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}", "spec.strategy.canary.antiAffinity")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      canaryMetadata: {labels: {role: canary}}", "spec.strategy.canary.canaryMetadata")]
    [InlineData("canaryService: web-canary", "canaryService: web-canary\n      pingPong: {pingService: a, pongService: b}", "spec.strategy.canary.pingPong")]
    [InlineData("- pause: {}", "- experiment: {templates: []}", "spec.strategy.canary.steps[1].experiment")]
    [InlineData("- pause: {}", "- analysis: {templates: []}", "spec.strategy.canary.steps[1].analysis")]
    [InlineData("- pause: {}", "- setCanaryScale: {weight: 10}", "spec.strategy.canary.steps[1].setCanaryScale")]
    [InlineData("- pause: {}", "- setHeaderRoute: {name: header}", "spec.strategy.canary.steps[1].setHeaderRoute")]
    [InlineData("- pause: {}", "- setMirrorRoute: {name: mirror}", "spec.strategy.canary.steps[1].setMirrorRoute")]
    [InlineData("- pause: {}", "- plugin: {name: step}", "spec.strategy.canary.steps[1].plugin")]
    [InlineData("selector:", "workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  selector:", "spec.workloadRef")]
    [InlineData("selector:", "analysis: {successfulRunHistoryLimit: 3}\n  selector:", "spec.analysis")]
    [InlineData("strategy:\n    canary:", "strategy:\n    blueGreen:", "spec.strategy.blueGreen")]
    public void Valid_Argo_fields_not_supported_yet_are_refused_by_name(string find, string replace, string field)
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace(find, replace)));

        Assert.False(read.IsValid);
        Assert.Equal($"{field} is not supported yet", read.Error.ToString());
    }

    [Theory]
    [InlineData("[{key: app, operator: In, values: [web, api]}]", true)]
    [InlineData("[{key: app, operator: NotIn, values: [api]}]", true)]
    [InlineData("[{key: app, operator: Exists}]", true)]
    [InlineData("[{key: tier, operator: DoesNotExist}]", true)]
    [InlineData("[{key: app, operator: In, values: [api]}]", false)]
    [InlineData("[{key: tier, operator: Exists}]", false)]
    public void Selector_expressions_are_matched_against_the_template_labels(string expressions, bool valid)
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace("selector: {matchLabels: {app: web}}", $"selector: {{matchExpressions: {expressions}}}")));

        Assert.Equal(valid, read.IsValid);
    }

    [Fact]
    public void Spec_restart_at_is_read_as_the_time_it_names()
    {
        var read = RolloutSpecReader.Read(Rollout(Canary.Replace("selector:", "restartAt: \"2026-12-06T08:00:00+01:00\"\n  selector:")));

        Assert.True(read.IsValid, read.Error?.ToString());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero), read.Spec.RestartAt);
    }

    private static JsonObject Rollout(string yaml) => YamlObjects.Read(yaml, YamlDialect.Kubernetes).Single().Json;
}
