using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// autoscaling/HorizontalPodAutoscaler (v1 and v2), as gitops-engine: Degraded when any condition has one of its failure
/// reasons (getting or updating the target's scale, getting metrics, computing replicas, an invalid selector), else
/// Healthy when it is able to scale or limited, else Progressing. autoscaling/v1 keeps its conditions in an annotation,
/// a JSON array of autoscaling/v2 conditions; one that is not is Unknown.
/// </summary>
internal static class HorizontalPodAutoscalerHealth
{
    private const string V1ConditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";

    private static readonly FieldShape AnnotationShape = FieldShape.Parse("[V2HorizontalPodAutoscalerCondition]");

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

    public static HealthResult Assess(JsonObject autoscaler)
    {
        JsonNode? conditionsNode;
        string? mismatch;
        try
        {
            conditionsNode = Conditions(autoscaler);
            mismatch = ShapeCheck.Mismatch(conditionsNode, AnnotationShape, "conditions");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: a key twice in one condition, which JsonObject turns down when first read.
            return HealthResult.Unknown($"failed to convert conditions annotation to typed: {e.Message}");
        }

        if (mismatch is not null)
        {
            return HealthResult.Unknown($"failed to convert conditions annotation to typed: {mismatch}");
        }

        var conditions = LiveFields.Objects(conditionsNode).ToList();
        if (conditions.FirstOrDefault(c => DegradedReasons.Contains((LiveFields.String(c["type"]) ?? "", LiveFields.String(c["reason"]) ?? ""))) is { } degraded)
        {
            return HealthResult.Degraded(LiveFields.String(degraded["message"]) ?? "");
        }

        if (conditions.FirstOrDefault(c => LiveFields.String(c["type"]) is "AbleToScale" or "ScalingLimited" && LiveFields.String(c["status"]) == "True") is { } able)
        {
            return HealthResult.Healthy(LiveFields.String(able["message"]) ?? "");
        }

        return HealthResult.Progressing("Waiting to Autoscale");
    }

    /// <summary>status.conditions, or for autoscaling/v1 the annotation's JSON (null when there is none).</summary>
    /// <exception cref="JsonException">The annotation is not JSON.</exception>
    private static JsonNode? Conditions(JsonObject autoscaler)
    {
        if (LiveFields.String(autoscaler["apiVersion"]) != "autoscaling/v1")
        {
            return autoscaler["status"]?["conditions"];
        }

        return LiveFields.String(autoscaler["metadata"]?["annotations"]?[V1ConditionsAnnotation]) is { } json ? JsonNode.Parse(json) : null;
    }
}
