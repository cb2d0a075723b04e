using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>An object of any kind, for tests that run over the kind table: typed metadata, every other field kept as JSON.</summary>
internal sealed class AnyObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>spec, status, data, rules, … as the server sent them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Fields { get; init; } = [];

    /// <summary>KubernetesJson's options refusing a field the model does not have, as KubernetesYaml's strict reading did.</summary>
    private static readonly JsonSerializerOptions Strict =
        new(new KubernetesClientConfiguration().JsonSerializerOptions) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Reads a one-document manifest through KubernetesClient's typed models (strictly: no unknown field).</summary>
    public static AnyObject FromYaml(string yaml)
    {
        var json = JsonNode.Parse(ManifestModels.Json(yaml))!;
        var typed = json.Deserialize(ModelTypes.Of((string)json["apiVersion"]!, (string)json["kind"]!), Strict)!;
        return KubernetesJson.Deserialize<AnyObject>(KubernetesJson.Serialize(typed), TestTypesJson.Options);
    }

    /// <summary>Reads a one-document manifest of a kind KubernetesClient has no model for (a custom resource).</summary>
    public static AnyObject FromCustomYaml(string yaml)
    {
        var deserializer = new YamlDotNet.Serialization.DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        return KubernetesJson.Deserialize<AnyObject>(JsonSerializer.Serialize(deserializer.Deserialize<Dictionary<string, object>>(yaml)), TestTypesJson.Options);
    }
}
