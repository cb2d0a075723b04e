using System.Text.Json.Serialization;
using k8s.Models;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Compile-time System.Text.Json metadata for the KubernetesClient models the health rules read. KubernetesJson's
/// options build it by reflection on first use, which cost every CLI run about a tenth of a second per kind; the
/// models name their JSON properties themselves, IntOrString and quantities carry their own converters, and timestamps
/// are read by <see cref="TimestampConverter"/>.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(TimestampConverter)])]
[JsonSerializable(typeof(V1Deployment))]
[JsonSerializable(typeof(V1StatefulSet))]
[JsonSerializable(typeof(V1DaemonSet))]
[JsonSerializable(typeof(V1ReplicaSet))]
[JsonSerializable(typeof(V1Pod))]
[JsonSerializable(typeof(V1Service))]
[JsonSerializable(typeof(V1PersistentVolumeClaim))]
[JsonSerializable(typeof(V1Job))]
[JsonSerializable(typeof(V2HorizontalPodAutoscaler))]
[JsonSerializable(typeof(V1APIService))]
internal sealed partial class HealthModels : JsonSerializerContext;
