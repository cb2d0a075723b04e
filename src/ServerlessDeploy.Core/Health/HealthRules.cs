using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>The one registry of health rules: (group, kind) → rule. A kind that is not here has no health of its own.</summary>
internal static class HealthRules
{
    private static readonly FrozenDictionary<(string Group, string Kind), Func<JsonObject, HealthResult>> Rules =
        new Dictionary<(string Group, string Kind), Func<JsonObject, HealthResult>>
        {
            [("apps", "Deployment")] = Typed<V1Deployment>("Deployment", ["v1"], DeploymentHealth.Assess),
            [("apps", "StatefulSet")] = Typed<V1StatefulSet>("StatefulSet", ["v1"], StatefulSetHealth.Assess),
            [("apps", "DaemonSet")] = Typed<V1DaemonSet>("DaemonSet", ["v1"], DaemonSetHealth.Assess),
            [("apps", "ReplicaSet")] = Typed<V1ReplicaSet>("ReplicaSet", ["v1"], ReplicaSetHealth.Assess),
            [("", "Pod")] = Typed<V1Pod>("Pod", ["v1"], PodHealth.Assess),
            [("", "Service")] = Typed<V1Service>("Service", ["v1"], ServiceHealth.Assess),
            [("", "PersistentVolumeClaim")] = Typed<V1PersistentVolumeClaim>("PersistentVolumeClaim", ["v1"], PersistentVolumeClaimHealth.Assess),
            [("networking.k8s.io", "Ingress")] = IngressHealth.Assess,
            [("extensions", "Ingress")] = IngressHealth.Assess,
            [("batch", "Job")] = Typed<V1Job>("Job", ["v1"], JobHealth.Assess),
            [("batch", "CronJob")] = CronJobHealth.Assess,
            [("autoscaling", "HorizontalPodAutoscaler")] = Typed<V2HorizontalPodAutoscaler>("HPA", ["v1", "v2"], HorizontalPodAutoscalerHealth.Assess),
            [("apiregistration.k8s.io", "APIService")] = Typed<V1APIService>("APIService", ["v1", "v1beta1"], ApiServiceHealth.Assess),
            [("argoproj.io", "Workflow")] = WorkflowHealth.Assess,
            [("argoproj.io", "Rollout")] = RolloutHealth.Assess,
        }.ToFrozenDictionary();

    /// <summary>The rule for a kind, or null when the kind has no health of its own.</summary>
    public static Func<JsonObject, HealthResult>? For(string group, string kind) => Rules.GetValueOrDefault((group, kind));

    /// <summary>
    /// Checks the version (any other is Unknown, as gitops-engine answers "unsupported Deployment GVK: apps/v1beta2,
    /// Kind=Deployment"), converts the live object to KubernetesClient's model, then applies the rule; a failed
    /// conversion is Unknown ("failed to convert unstructured Deployment to typed: ...").
    /// </summary>
    /// <remarks>A model's metadata is looked up on first use: configuring all eleven up front cost every run ~0.1 s.</remarks>
    private static Func<JsonObject, HealthResult> Typed<T>(string name, string[] versions, Func<T, HealthResult> rule)
        where T : class => live =>
    {
        var (group, version, kind) = GroupVersionKind.Of(live);
        if (!versions.Contains(version, StringComparer.Ordinal))
        {
            return HealthResult.Unknown($"unsupported {name} GVK: {group}/{version}, Kind={kind}");
        }

        T? typed;
        try
        {
            typed = JsonSerializer.Deserialize(ConvertedPart(live).WrittenSpan, (JsonTypeInfo<T>)(HealthModels.Default.GetTypeInfo(typeof(T)) ?? throw new InvalidOperationException($"HealthModels has no contract for {typeof(T).Name}: every rule's model is listed there")));
        }
        catch (Exception e) when (IsConversionError(e))
        {
            return HealthResult.Unknown($"failed to convert unstructured {name} to typed: {e.Message}");
        }

        return typed is null ? HealthResult.Unknown($"failed to convert unstructured {name} to typed: null") : rule(typed);
    };

    /// <summary>
    /// The object as JSON without what no rule reads: metadata.managedFields and a controller's spec.template. Those
    /// are most of a workload's size, and converting them was most of the cost of assessing a thousand resources.
    /// </summary>
    private static System.Buffers.ArrayBufferWriter<byte> ConvertedPart(JsonObject live)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in live)
            {
                writer.WritePropertyName(name);
                switch (name, value)
                {
                    case ("metadata", JsonObject metadata):
                        WriteWithout(writer, metadata, "managedFields");
                        break;
                    case ("spec", JsonObject spec):
                        WriteWithout(writer, spec, "template");
                        break;
                    default:
                        Write(writer, value);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return buffer;
    }

    private static void WriteWithout(Utf8JsonWriter writer, JsonObject obj, string left)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in obj.Where(p => p.Key != left))
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>What System.Text.Json and KubernetesClient's converters throw on a value of the wrong shape.</summary>
    private static bool IsConversionError(Exception e) =>
        e is JsonException or FormatException or NotSupportedException or InvalidOperationException or OverflowException or ArgumentException;
}
