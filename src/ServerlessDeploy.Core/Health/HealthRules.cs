using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>The one registry of health rules: (group, kind) → rule. A kind that is not here has no health of its own.</summary>
internal static class HealthRules
{
    private static readonly FrozenDictionary<(string Group, string Kind), Func<JsonObject, HealthResult>> Rules =
        new Dictionary<(string Group, string Kind), Func<JsonObject, HealthResult>>
        {
            [("apps", "Deployment")] = Checked("Deployment", "V1Deployment", ["v1"], DeploymentHealth.Assess),
            [("apps", "StatefulSet")] = Checked("StatefulSet", "V1StatefulSet", ["v1"], StatefulSetHealth.Assess),
            [("apps", "DaemonSet")] = Checked("DaemonSet", "V1DaemonSet", ["v1"], DaemonSetHealth.Assess),
            [("apps", "ReplicaSet")] = Checked("ReplicaSet", "V1ReplicaSet", ["v1"], ReplicaSetHealth.Assess),
            [("", "Pod")] = Checked("Pod", "V1Pod", ["v1"], PodHealth.Assess),
            [("", "Service")] = Checked("Service", "V1Service", ["v1"], ServiceHealth.Assess),
            [("", "PersistentVolumeClaim")] = Checked("PersistentVolumeClaim", "V1PersistentVolumeClaim", ["v1"], PersistentVolumeClaimHealth.Assess),
            [("networking.k8s.io", "Ingress")] = IngressHealth.Assess,
            [("extensions", "Ingress")] = IngressHealth.Assess,
            [("batch", "Job")] = Checked("Job", "V1Job", ["v1"], JobHealth.Assess),
            [("batch", "CronJob")] = CronJobHealth.Assess,
            [("autoscaling", "HorizontalPodAutoscaler")] = Checked("HPA", "V2HorizontalPodAutoscaler", ["v1", "v2"], HorizontalPodAutoscalerHealth.Assess),
            [("apiregistration.k8s.io", "APIService")] = Checked("APIService", "V1APIService", ["v1", "v1beta1"], ApiServiceHealth.Assess),
            [("argoproj.io", "Workflow")] = WorkflowHealth.Assess,
            [("argoproj.io", "Rollout")] = RolloutHealth.Assess,
        }.ToFrozenDictionary();

    /// <summary>The rule for a kind, or null when the kind has no health of its own.</summary>
    public static Func<JsonObject, HealthResult>? For(string group, string kind) => Rules.GetValueOrDefault((group, kind));

    /// <summary>
    /// Checks the version (any other is Unknown, as gitops-engine answers "unsupported Deployment GVK: apps/v1beta2,
    /// Kind=Deployment"), then that the live object has the shape of KubernetesClient's model of its kind, then applies
    /// the rule; an object that does not have it would not have converted to the model, and is Unknown ("failed to
    /// convert unstructured Deployment to typed: spec.replicas: expected a 32-bit integer, got "three"").
    /// </summary>
    private static Func<JsonObject, HealthResult> Checked(string name, string model, string[] versions, Func<JsonObject, HealthResult> rule) => live =>
    {
        var (group, version, kind) = GroupVersionKind.Of(live);
        if (!versions.Contains(version, StringComparer.Ordinal))
        {
            return HealthResult.Unknown($"unsupported {name} GVK: {group}/{version}, Kind={kind}");
        }

        return ShapeCheck.Mismatch(live, model) is { } mismatch
            ? HealthResult.Unknown($"failed to convert unstructured {name} to typed: {mismatch}")
            : rule(live);
    };
}
