using System.Text.Json;
using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// autoscaling/HorizontalPodAutoscaler (v1 and v2), as gitops-engine: Degraded when any condition has one of its failure
/// reasons (getting or updating the target's scale, getting metrics, computing replicas, an invalid selector), else
/// Healthy when it is able to scale or limited, else Progressing. autoscaling/v1 keeps its conditions in an annotation.
/// </summary>
internal static class HorizontalPodAutoscalerHealth
{
    private const string V1ConditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";

    private static readonly HashSet<(string Type, string Reason)> DegradedReasons =
    [
        ("AbleToScale", "FailedGetScale"),
        ("AbleToScale", "FailedUpdateScale"),
        ("ScalingActive", "FailedGetResourceMetric"),
        ("ScalingActive", "FailedGetObjectMetric"),
        ("ScalingActive", "FailedGetPodsMetric"),
        ("ScalingActive", "FailedGetExternalMetric"),
        ("ScalingActive", "FailedComputeMetricsReplicas"),
        ("ScalingActive", "InvalidSelector"),
    ];

    public static HealthResult Assess(V2HorizontalPodAutoscaler autoscaler)
    {
        IList<V2HorizontalPodAutoscalerCondition> conditions;
        try
        {
            conditions = Conditions(autoscaler);
        }
        catch (JsonException e)
        {
            return HealthResult.Unknown($"failed to convert conditions annotation to typed: {e.Message}");
        }

        if (conditions.FirstOrDefault(c => DegradedReasons.Contains((c.Type, c.Reason ?? ""))) is { } degraded)
        {
            return HealthResult.Degraded(degraded.Message ?? "");
        }

        if (conditions.FirstOrDefault(c => c.Type is "AbleToScale" or "ScalingLimited" && c.Status == "True") is { } able)
        {
            return HealthResult.Healthy(able.Message ?? "");
        }

        return HealthResult.Progressing("Waiting to Autoscale");
    }

    private static IList<V2HorizontalPodAutoscalerCondition> Conditions(V2HorizontalPodAutoscaler autoscaler)
    {
        if (autoscaler.ApiVersion != "autoscaling/v1")
        {
            return autoscaler.Status?.Conditions ?? [];
        }

        return autoscaler.Metadata?.Annotations?.TryGetValue(V1ConditionsAnnotation, out var json) == true
            ? JsonSerializer.Deserialize(json, AutoscalerConditionsJson.Default.ListV2HorizontalPodAutoscalerCondition) ?? []
            : [];
    }
}
