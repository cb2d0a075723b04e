using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>Moving items between JSON arrays: a node has one parent, so items are detached before they are placed again.</summary>
internal static class JsonArrays
{
    /// <summary>The items of <paramref name="array"/>, detached from it; the array is left empty.</summary>
    public static List<JsonNode?> Take(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }

    /// <summary>The position of the first item equal to <paramref name="value"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<JsonNode?> items, JsonNode? value)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (JsonNode.DeepEquals(items[i], value))
            {
                return i;
            }
        }

        return -1;
    }
}
