using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Tests.Health;

/// <summary>
/// gitops-engine's own fixtures (testdata/gitops-engine, see its SOURCE.md), read as sigs.k8s.io/yaml reads them: the
/// status its health_test.go asserts and the message its health_*.go gives, a line per file. Application and a Knative
/// Service have no built-in health. Argo CD's CronJob fixtures (testdata/argo-cd-cronjob) with its health_test.yaml.
/// </summary>
public class GitopsEngineFixtureTests
{
    [Theory]
    [InlineData("apiservice-v1-false.yaml", HealthStatus.Progressing, "MissingEndpoints: endpoints for service/cert-manager-webhook in \"external-dns\" have no addresses")]
    [InlineData("apiservice-v1-true.yaml", HealthStatus.Healthy, "Passed: all checks passed")]
    [InlineData("apiservice-v1beta1-false.yaml", HealthStatus.Progressing, "MissingEndpoints: endpoints for service/cert-manager-webhook in \"external-dns\" have no addresses")]
    [InlineData("apiservice-v1beta1-true.yaml", HealthStatus.Healthy, "Passed: all checks passed")]
    [InlineData("daemonset-ondelete.yaml", HealthStatus.Healthy, "daemon set 0 out of 1 new pods have been updated")]
    [InlineData("deployment-degraded.yaml", HealthStatus.Degraded, "Deployment \"guestbook-ui\" exceeded its progress deadline")]
    [InlineData("deployment-progressing.yaml", HealthStatus.Progressing, "Waiting for rollout to finish: 1 old replicas are pending termination...")]
    [InlineData("deployment-suspended.yaml", HealthStatus.Suspended, "Deployment is paused")]
    [InlineData("hpa-v1-degraded-failedgetobjectmetric.yaml", HealthStatus.Degraded, "the HPA was unable to compute the replica count: unable to get metric tomcat_sessions_active_current_sessions: Service on namespace sample-service/unable to fetch metrics from custom metrics API: the server could not find the metric tomcat_sessions_active_current_sessions for services")]
    [InlineData("hpa-v1-degraded.yaml", HealthStatus.Degraded, "the HPA controller was unable to get the target's current scale")]
    [InlineData("hpa-v1-healthy-toofew.yaml", HealthStatus.Healthy, "recommended size matches current size")]
    [InlineData("hpa-v1-healthy.yaml", HealthStatus.Healthy, "recent recommendations were higher than current one, applying the highest recent recommendation")]
    [InlineData("hpa-v1-progressing-with-no-annotations.yaml", HealthStatus.Progressing, "Waiting to Autoscale")]
    [InlineData("hpa-v1-progressing.yaml", HealthStatus.Progressing, "Waiting to Autoscale")]
    [InlineData("hpa-v2-degraded.yaml", HealthStatus.Degraded, "the HPA controller was unable to get the target's current scale: deployments/scale.apps \"sandbox-test-app-8\" not found")]
    [InlineData("hpa-v2-healthy.yaml", HealthStatus.Healthy, "recommended size matches current size")]
    [InlineData("hpa-v2-progressing.yaml", HealthStatus.Progressing, "Waiting to Autoscale")]
    [InlineData("ingress-nonemptylist.yaml", HealthStatus.Healthy, "")]
    [InlineData("ingress-unassigned.yaml", HealthStatus.Progressing, "")]
    [InlineData("ingress.yaml", HealthStatus.Healthy, "")]
    [InlineData("job-failed.yaml", HealthStatus.Degraded, "Job has reached the specified backoff limit")]
    [InlineData("job-running.yaml", HealthStatus.Progressing, "")]
    [InlineData("job-succeeded.yaml", HealthStatus.Healthy, "")]
    [InlineData("job-suspended.yaml", HealthStatus.Suspended, "Job suspended")]
    [InlineData("pod-crashloop.yaml", HealthStatus.Degraded, "Back-off 40s restarting failed container=main pod=my-pod_argocd(63674389-f613-11e8-a057-fe5f49266390)")]
    [InlineData("pod-deletion.yaml", HealthStatus.Progressing, "Pending deletion")]
    [InlineData("pod-error.yaml", HealthStatus.Degraded, "")]
    [InlineData("pod-failed.yaml", HealthStatus.Degraded, "container \"main\" failed with exit code 1")]
    [InlineData("pod-imagepullbackoff.yaml", HealthStatus.Degraded, "Back-off pulling image \"gcr.io/heptio-images/ks-guestbook-demo:0.3\"")]
    [InlineData("pod-pending.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-not-ready.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-restart-always.yaml", HealthStatus.Healthy, "")]
    [InlineData("pod-running-restart-never-hook-with-ignore-annotation.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-restart-never-with-ignore-annotation-backoff.yaml", HealthStatus.Degraded, "Back-off pulling image \"alpine:3.21\"")]
    [InlineData("pod-running-restart-never-with-ignore-annotation.yaml", HealthStatus.Healthy, "")]
    [InlineData("pod-running-restart-never.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-running-restart-onfailure.yaml", HealthStatus.Progressing, "")]
    [InlineData("pod-succeeded.yaml", HealthStatus.Healthy, "")]
    [InlineData("pvc-bound.yaml", HealthStatus.Healthy, "")]
    [InlineData("pvc-pending.yaml", HealthStatus.Progressing, "")]
    [InlineData("statefulset-ondelete.yaml", HealthStatus.Healthy, "statefulset has 1 ready pods")]
    [InlineData("statefulset.yaml", HealthStatus.Healthy, "statefulset has 1 ready pods")]
    [InlineData("svc-clusterip.yaml", HealthStatus.Healthy, "")]
    [InlineData("svc-loadbalancer-nonemptylist.yaml", HealthStatus.Healthy, "")]
    [InlineData("svc-loadbalancer-unassigned.yaml", HealthStatus.Progressing, "")]
    [InlineData("svc-loadbalancer.yaml", HealthStatus.Healthy, "")]
    public void Each_gitops_engine_fixture_has_its_status_and_message(string fixture, HealthStatus status, string message) =>
        Assert.Equal(new HealthResult(status, message), HealthAssessment.Of(Fixtures.Live($"gitops-engine/{fixture}")));

    [Theory]
    [InlineData("application-healthy.yaml")]
    [InlineData("application-degraded.yaml")]
    [InlineData("knative-service.yaml")]
    public void Kinds_gitops_engine_has_no_rule_for_have_no_health(string fixture) =>
        Assert.Null(HealthAssessment.Of(Fixtures.Live($"gitops-engine/{fixture}")));

    [Theory]
    [InlineData("active.yaml", HealthStatus.Healthy, "The job is running. Its last execution may not have been successful")]
    [InlineData("degraded.yaml", HealthStatus.Degraded, "CronJob has not completed its last execution successfully")]
    [InlineData("healthy.yaml", HealthStatus.Healthy, "CronJob has completed its last execution successfully")]
    [InlineData("never-scheduled.yaml", HealthStatus.Healthy, "CronJob has not been scheduled yet")]
    [InlineData("never-succeeded.yaml", HealthStatus.Healthy, "The CronJob never completed successfully. It may not be healthy")]
    [InlineData("suspended.yaml", HealthStatus.Healthy, "CronJob is Suspended")]
    public void Each_Argo_CD_CronJob_fixture_has_its_status_and_message(string fixture, HealthStatus status, string message) =>
        Assert.Equal(new HealthResult(status, message), HealthAssessment.Of(Fixtures.Live($"argo-cd-cronjob/{fixture}")));
}
