using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>The store's text of an object, parsed back: the store writes objects only, so the text is one.</summary>
internal static class ObjectJson
{
    public static JsonObject Parse(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("the store keeps objects only, so text it wrote parses back to an object");
}
