using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Tests.Health;

public class HealthAssessmentTests
{
    [Theory]
    [InlineData("deployment-healthy.yaml", HealthStatus.Healthy, "")]
    [InlineData("deployment-progressing.yaml", HealthStatus.Progressing, "Waiting for rollout to finish: 1 out of 3 new replicas have been updated...")]
    [InlineData("deployment-old-replicas.yaml", HealthStatus.Progressing, "1 old replicas are pending termination...")]
    [InlineData("deployment-unavailable.yaml", HealthStatus.Progressing, "2 of 3 updated replicas are available...")]
    [InlineData("deployment-generation.yaml", HealthStatus.Progressing, "observed deployment generation less than desired generation")]
    [InlineData("deployment-degraded.yaml", HealthStatus.Degraded, "Deployment \"web\" exceeded its progress deadline")]
    [InlineData("deployment-suspended.yaml", HealthStatus.Suspended, "Deployment is paused")]
    [InlineData("deployment-deleting.yaml", HealthStatus.Progressing, "Pending deletion")]
    [InlineData("statefulset.yaml", HealthStatus.Healthy, "partitioned roll out complete: 3 new pods have been updated...")]
    [InlineData("statefulset-ondelete.yaml", HealthStatus.Healthy, "statefulset has 3 ready pods")]
    [InlineData("statefulset-partitioned.yaml", HealthStatus.Progressing, "Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...")]
    [InlineData("statefulset-not-ready.yaml", HealthStatus.Progressing, "Waiting for 2 pods to be ready...")]
    [InlineData("statefulset-rolling.yaml", HealthStatus.Progressing, "rolling update to complete 1 pods at revision db-5f6c9d7b8a...")]
    [InlineData("statefulset-unobserved.yaml", HealthStatus.Progressing, "Waiting for statefulset spec update to be observed...")]
    [InlineData("daemonset.yaml", HealthStatus.Healthy, "")]
    [InlineData("daemonset-ondelete.yaml", HealthStatus.Healthy, "daemon set 1 out of 3 new pods have been updated")]
    [InlineData("daemonset-progressing.yaml", HealthStatus.Progressing, "Waiting for daemon set \"node-agent\" rollout to finish: 1 out of 3 new pods have been updated...")]
    [InlineData("daemonset-unavailable.yaml", HealthStatus.Progressing, "2 of 3 updated pods are available...")]
    [InlineData("replicaset.yaml", HealthStatus.Healthy, "")]
    [InlineData("replicaset-progressing.yaml", HealthStatus.Progressing, "1 out of 3 new replicas are available...")]
    [InlineData("replicaset-degraded.yaml", HealthStatus.Degraded, "exceeded quota: compute")]
    [InlineData("pod-running-restart-always.yaml", HealthStatus.Healthy, "")]
    [InlineData("pod-pending.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-not-ready.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-crashloop.yaml", HealthStatus.Degraded, "back-off 2m40s restarting failed container=api")]
    [InlineData("pod-imagepullbackoff.yaml", HealthStatus.Degraded, "Back-off pulling image \"ghcr.io/example/api:does-not-exist\"")]
    [InlineData("pod-error.yaml", HealthStatus.Degraded, "container api exited with an error")]
    [InlineData("pod-running-restart-never.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-restart-never-with-ignore-annotation.yaml", HealthStatus.Healthy, "")]
    [InlineData("pod-failed.yaml", HealthStatus.Degraded, "container \"migrate\" failed with exit code 3")]
    [InlineData("pod-failed-oomkilled.yaml", HealthStatus.Degraded, "OOMKilled")]
    [InlineData("pod-evicted.yaml", HealthStatus.Degraded, "The node was low on resource: memory.")]
    [InlineData("pod-succeeded.yaml", HealthStatus.Healthy, "")]
    [InlineData("pod-deletion.yaml", HealthStatus.Progressing, "Pending deletion")]
    [InlineData("svc-clusterip.yaml", HealthStatus.Healthy, "")]
    [InlineData("svc-loadbalancer.yaml", HealthStatus.Healthy, "")]
    [InlineData("ingress.yaml", HealthStatus.Healthy, "")]
    [InlineData("pvc-bound.yaml", HealthStatus.Healthy, "")]
    [InlineData("job-succeeded.yaml", HealthStatus.Healthy, "")]
    [InlineData("job-failed.yaml", HealthStatus.Degraded, "Job has reached the specified backoff limit")]
    [InlineData("job-suspended.yaml", HealthStatus.Suspended, "Job suspended")]
    [InlineData("hpa-v2-healthy.yaml", HealthStatus.Healthy, "recommended size matches current size")]
    [InlineData("hpa-v2-healthy-disabled.yaml", HealthStatus.Healthy, "")]
    [InlineData("hpa-v2-degraded.yaml", HealthStatus.Degraded, "unable to get the target's current scale")]
    [InlineData("hpa-v2-degraded-partially.yaml", HealthStatus.Degraded, "failed to get memory utilization")]
    [InlineData("hpa-v2-progressing.yaml", HealthStatus.Progressing, "Waiting to Autoscale")]
    [InlineData("hpa-v1-healthy.yaml", HealthStatus.Healthy, "recommended size matches current size")]
    [InlineData("hpa-v1-degraded.yaml", HealthStatus.Degraded, "missing request for cpu")]
    [InlineData("hpa-v1-progressing-with-no-annotations.yaml", HealthStatus.Progressing, "Waiting to Autoscale")]
    [InlineData("apiservice-v1-true.yaml", HealthStatus.Healthy, "Passed: all checks passed")]
    [InlineData("apiservice-v1-false.yaml", HealthStatus.Progressing, "MissingEndpoints: endpoints for service/metrics-server")]
    [InlineData("apiservice-unprocessed.yaml", HealthStatus.Progressing, "Waiting to be processed")]
    [InlineData("deployment-malformed.yaml", HealthStatus.Unknown, "failed to convert unstructured Deployment to typed")]
    [InlineData("deployment-malformed-maxsurge.yaml", HealthStatus.Unknown, "failed to convert unstructured Deployment to typed")]
    [InlineData("pod-malformed.yaml", HealthStatus.Unknown, "failed to convert unstructured Pod to typed")]
    [InlineData("pod-malformed-quantity.yaml", HealthStatus.Unknown, "yesterday")]
    public void Assesses_the_live_object(string fixture, HealthStatus status, string message)
    {
        var health = HealthAssessment.Of(Fixtures.Live(fixture));

        Assert.NotNull(health);
        Assert.Equal(status, health.Status);
        Assert.Contains(message, health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("job-running.yaml", HealthStatus.Progressing)]
    [InlineData("pvc-lost.yaml", HealthStatus.Degraded)]
    [InlineData("pvc-pending.yaml", HealthStatus.Progressing)]
    [InlineData("svc-lb-pending.yaml", HealthStatus.Progressing)]
    [InlineData("ingress-unassigned.yaml", HealthStatus.Progressing)]
    public void Kinds_gitops_engine_gives_no_message_for_have_none(string fixture, HealthStatus status) =>
        Assert.Equal(new HealthResult(status, ""), HealthAssessment.Of(Fixtures.Live(fixture)));

    [Theory]
    [InlineData("FailedGetContainerResourceMetric", HealthStatus.Healthy, "the HPA controller was able to get the target's current scale")]
    [InlineData("FailedGetPodsMetric", HealthStatus.Degraded, "unable to fetch metrics")]
    [InlineData("FailedComputeMetricsReplicas", HealthStatus.Degraded, "unable to fetch metrics")]
    [InlineData("ValidMetricFound", HealthStatus.Healthy, "the HPA controller was able to get the target's current scale")]
    public void An_autoscaling_v1_HPA_able_to_scale_is_Degraded_only_for_gitops_engines_failure_reasons(string reason, HealthStatus status, string message)
    {
        var conditions = $$$"""[{"type":"AbleToScale","status":"True","reason":"SucceededGetScale","message":"the HPA controller was able to get the target's current scale"},{"type":"ScalingActive","status":"False","reason":"{{{reason}}}","message":"unable to fetch metrics"}]""";
        var hpa = Json("""{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","annotations":{}}}""");
        hpa["metadata"]!["annotations"]!["autoscaling.alpha.kubernetes.io/conditions"] = conditions;

        Assert.Equal(new HealthResult(status, message), HealthAssessment.Of(hpa));
    }

    [Theory]
    [InlineData("apps/v1beta2", "Deployment", "unsupported Deployment GVK: apps/v1beta2, Kind=Deployment")]
    [InlineData("autoscaling/v2beta2", "HorizontalPodAutoscaler", "unsupported HPA GVK: autoscaling/v2beta2, Kind=HorizontalPodAutoscaler")]
    [InlineData("v2", "Pod", "unsupported Pod GVK: /v2, Kind=Pod")]
    public void A_version_gitops_engine_does_not_convert_is_Unknown_naming_it(string apiVersion, string kind, string message) =>
        Assert.Equal(new HealthResult(HealthStatus.Unknown, message), HealthAssessment.Of(Json($$$"""{"apiVersion":"{{{apiVersion}}}","kind":"{{{kind}}}","metadata":{"name":"x"}}""")));

    [Fact]
    public void A_hook_being_deleted_behind_the_hook_finalizer_is_assessed_by_its_kind() =>
        Assert.Equal(
            new HealthResult(HealthStatus.Healthy, ""),
            HealthAssessment.Of(Json("""{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate","deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["argocd.argoproj.io/hook-finalizer"]},"status":{"conditions":[{"type":"Complete","status":"True"}]}}""")));

    [Theory]
    [InlineData("", HealthStatus.Progressing)]
    [InlineData("Running", HealthStatus.Progressing)]
    [InlineData("Succeeded", HealthStatus.Healthy)]
    [InlineData("Failed", HealthStatus.Degraded)]
    [InlineData("Error", HealthStatus.Degraded)]
    [InlineData("Omitted", HealthStatus.Unknown)]
    public void An_Argo_Workflow_is_assessed_by_its_phase_with_its_message(string phase, HealthStatus status) =>
        Assert.Equal(
            new HealthResult(status, "step 2 of 3"),
            HealthAssessment.Of(Json($$$"""{"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{"name":"w"},"status":{"phase":"{{{phase}}}","message":"step 2 of 3"}}""")));

    [Fact]
    public void A_CronJob_without_a_status_is_waiting() =>
        Assert.Equal(
            new HealthResult(HealthStatus.Progressing, "Waiting for CronJob"),
            HealthAssessment.Of(Json("""{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly"},"spec":{"schedule":"0 3 * * *"}}""")));

    private static System.Text.Json.Nodes.JsonObject Json(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();

    [Theory]
    [InlineData("configmap.yaml")]
    [InlineData("knative-service.yaml")]
    public void Kinds_without_a_rule_have_no_health_of_their_own(string fixture) =>
        Assert.Null(HealthAssessment.Of(Fixtures.Live(fixture)));
}
