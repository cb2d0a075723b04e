using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>Reads the Kubernetes objects of a multi-document YAML stream, flattening List kinds into their items.</summary>
public static class YamlObjects
{
    /// <summary>The objects in document order; empty documents are skipped.</summary>
    /// <param name="text">The YAML stream.</param>
    /// <param name="dialect">How scalars, merge keys and duplicated keys read (<see cref="YamlDialect.Kubernetes"/> for live objects).</param>
    /// <exception cref="FormatException">The text is not valid YAML, or a document is not a mapping.</exception>
    public static IReadOnlyList<YamlObject> Read(string text, YamlDialect dialect = YamlDialect.Core)
    {
        var documents = dialect == YamlDialect.Kubernetes ? KubernetesYamlJson.ParseDocuments(text) : YamlJson.ParseDocuments(text);
        var objects = new List<YamlObject>();
        for (var i = 0; i < documents.Count; i++)
        {
            var location = $"document {i + 1}";
            switch (documents[i])
            {
                case null:
                    break;
                case JsonObject list when ListKind(list) is { } kind:
                    objects.AddRange(Items(location, list, kind));
                    break;
                case JsonObject single:
                    objects.Add(new YamlObject(location, single));
                    break;
                default:
                    throw new FormatException($"{location} is not a mapping");
            }
        }

        return objects;
    }

    /// <summary>`kind: List`, or a typed list such as DeploymentList, with an items array.</summary>
    /// <returns>The list's kind; null when the object is not a list.</returns>
    private static string? ListKind(JsonObject obj) =>
        obj["kind"] is JsonValue kind && kind.TryGetValue<string>(out var name)
        && (name == "List" || (name.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray)) ? name : null;

    /// <summary>The items of a list; items of a typed list get its apiVersion and item kind when they leave them out.</summary>
    private static IEnumerable<YamlObject> Items(string location, JsonObject list, string kind)
    {
        var itemKind = kind == "List" ? null : kind[..^"List".Length];
        var items = list["items"] as JsonArray ?? [];
        for (var j = 0; j < items.Count; j++)
        {
            if (items[j] is not JsonObject item)
            {
                throw new FormatException($"{location}, item {j + 1} is not a mapping");
            }

            if (itemKind is not null)
            {
                item.TryAdd("apiVersion", list["apiVersion"]?.DeepClone());
                item.TryAdd("kind", itemKind);
            }

            yield return new YamlObject($"{location}, item {j + 1}", item);
        }
    }
}
