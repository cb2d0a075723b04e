using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>Compares JSON the way a round trip through the server should keep it: what was sent is there, defaults may be added.</summary>
internal static class JsonAssert
{
    /// <summary>Every field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value (objects may hold more).</summary>
    public static void Contains(IReadOnlyDictionary<string, JsonElement> expected, IReadOnlyDictionary<string, JsonElement> actual) =>
        Contains(ToNode(expected), ToNode(actual), "");

    public static void Contains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (key, value) in expectedObject)
                {
                    Assert.True(actualObject.ContainsKey(key), $"{path}.{key} is missing from {actual!.ToJsonString()}");
                    Contains(value, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count, $"{path} has {actualArray.Count} items, not {expectedArray.Count}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Contains(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path} is {actual?.ToJsonString()}, not {expected?.ToJsonString()}");
                break;
        }
    }

    private static JsonObject ToNode(IReadOnlyDictionary<string, JsonElement> fields) =>
        new(fields.Select(p => KeyValuePair.Create(p.Key, JsonNode.Parse(p.Value.GetRawText()))));
}
