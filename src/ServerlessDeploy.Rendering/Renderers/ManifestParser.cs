using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Rendering.Sources;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>Reads rendered YAML or JSON (many documents, List kinds flattened) into manifests, each checked for apiVersion, kind and name.</summary>
internal static class ManifestParser
{
    public static IReadOnlyList<Manifest> Parse(string text, string source)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlReader.ReadAll(text, source);
        }
        catch (FormatException e)
        {
            throw new RenderFailure(e.Message);
        }

        var manifests = new List<Manifest>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is not JsonObject obj)
            {
                throw new RenderFailure($"{source}: document {i + 1} is not an object");
            }

            manifests.AddRange(Flatten(obj, $"{source}: document {i + 1}"));
        }

        return manifests;
    }

    private static IEnumerable<Manifest> Flatten(JsonObject obj, string where)
    {
        var kind = obj["kind"]?.ToString();
        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
        {
            return items.Select((item, i) => Checked(item as JsonObject ?? throw new RenderFailure($"{where}: item {i + 1} is not an object"), $"{where} item {i + 1}"));
        }

        return [Checked(obj, where)];
    }

    private static Manifest Checked(JsonObject obj, string where)
    {
        // A document becomes the manifest as it is; only an item of a List is copied out of it (a node has one parent).
        var manifest = new Manifest(obj.Parent is null ? obj : (JsonObject)obj.DeepClone());
        var missing = new[] { ("apiVersion", manifest.ApiVersion), ("kind", manifest.Kind) }.Where(f => f.Item2.Length == 0).Select(f => f.Item1).ToList();
        if (manifest.Name.Length == 0 && obj["metadata"]?["generateName"] is null)
        {
            missing.Add("metadata.name");
        }

        return missing.Count == 0 ? manifest : throw new RenderFailure($"{where}: missing {string.Join(", ", missing)}");
    }
}
