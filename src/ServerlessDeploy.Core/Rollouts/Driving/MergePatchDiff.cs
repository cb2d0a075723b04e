using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// The JSON merge patch (RFC 7386) that turns one object into another: changed members set, removed ones null, arrays
/// replaced whole. Argo's controller patches the difference of the status the same way.
/// </summary>
internal static class MergePatchDiff
{
    public static JsonObject Between(JsonObject? from, JsonObject to)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in from ?? [])
        {
            if (!to.ContainsKey(key))
            {
                patch[key] = null;
            }
            else if (value is JsonObject before && to[key] is JsonObject after)
            {
                var inner = Between(before, after);
                if (inner.Count > 0)
                {
                    patch[key] = inner;
                }
            }
            else if (!JsonNode.DeepEquals(value, to[key]))
            {
                patch[key] = to[key]?.DeepClone();
            }
        }

        foreach (var (key, value) in to)
        {
            if (from is null || !from.ContainsKey(key))
            {
                patch[key] = value?.DeepClone();
            }
        }

        return patch;
    }
}
