using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Resources;

/// <summary>
/// One Kubernetes object as JSON, rendered from Git or read from the cluster. The JSON form keeps every field the
/// user wrote, including ones a typed model would drop, which diff and apply need.
/// </summary>
public sealed class Manifest
{
    public Manifest(JsonObject obj)
    {
        Json = obj;
        ApiVersion = Text(obj["apiVersion"]);
        Kind = Text(obj["kind"]);
        Name = Text(obj["metadata"]?["name"]);
        Namespace = Text(obj["metadata"]?["namespace"]);
        Group = ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
    }

    public JsonObject Json { get; }

    public string ApiVersion { get; }

    public string Group { get; }

    public string Kind { get; }

    public string Name { get; }

    public string Namespace { get; }

    public ResourceKey Key => new(Group, Kind, Namespace, Name);

    public IReadOnlyDictionary<string, string> Annotations => Map(Json["metadata"]?["annotations"]);

    public IReadOnlyDictionary<string, string> Labels => Map(Json["metadata"]?["labels"]);

    public string? Annotation(string name) => Annotations.GetValueOrDefault(name);

    public override string ToString() => Key.ToString();

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static Dictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => $"{p.Value}", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
