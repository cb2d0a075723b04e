using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Compile-time metadata for the conditions an autoscaling/v1 HorizontalPodAutoscaler keeps in an annotation. They are
/// read with KubernetesJson's own options (camelCase, its timestamp converters), as KubernetesJson.Deserialize read
/// them; that method cannot, since KubernetesClient.Aot resolves only the model types themselves, not a list of them.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(KubernetesJson.Iso8601TimeSpanConverter), typeof(KubernetesJson.KubernetesDateTimeConverter), typeof(KubernetesJson.KubernetesDateTimeOffsetConverter)])]
[JsonSerializable(typeof(List<V2HorizontalPodAutoscalerCondition>))]
internal sealed partial class AutoscalerConditionsJson : JsonSerializerContext;
