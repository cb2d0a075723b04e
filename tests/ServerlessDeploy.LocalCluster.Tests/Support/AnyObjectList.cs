using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>A list of objects of any kind, as a list call returns it.</summary>
internal sealed class AnyObjectList : IKubernetesObject<V1ListMeta>, IItems<AnyObject>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<AnyObject> Items { get; set; } = [];
}
