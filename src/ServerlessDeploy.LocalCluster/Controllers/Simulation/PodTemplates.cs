using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>What the simulation reads from a workload's pod template: whether its pods can ever run, and its hash.</summary>
internal static class PodTemplates
{
    // The alphabet of Kubernetes' rand.SafeEncodeString: no vowels, no look-alike characters.
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static JsonObject? Of(JsonObject workload) => workload["spec"]?["template"] as JsonObject;

    /// <summary>True when a container or init container uses an image whose tag starts with "fail": its pods never become ready.</summary>
    public static bool FailsToRun(JsonObject? template)
    {
        var spec = template?["spec"];
        return Images(spec?["containers"]).Concat(Images(spec?["initContainers"])).Any(image => Tag(image)?.StartsWith("fail", StringComparison.Ordinal) == true);
    }

    /// <summary>An image's tag: after the last ':' that follows the last '/', without a digest ("registry:5000/app" has none).</summary>
    public static string? Tag(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var reference = at < 0 ? image : image[..at];
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? null : name[(colon + 1)..];
    }

    /// <summary>
    /// The pod-template-hash a controller puts in its ReplicaSet and revision names: FNV-1a (32 bit) of the template,
    /// written with SafeEncodeString as Kubernetes does. The template is hashed in a key-sorted form, so the order a
    /// client wrote its fields in does not change it.
    /// </summary>
    public static string Hash(JsonObject? template)
    {
        var text = new StringBuilder();
        WriteSorted(template, text);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text.ToString()))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(c => SafeAlphabet[c % SafeAlphabet.Length]));
    }

    private static IEnumerable<string> Images(JsonNode? containers) =>
        (containers as JsonArray)?.OfType<JsonObject>().Select(c => c.String("image") ?? "") ?? [];

    private static void WriteSorted(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(key).Append(':');
                    WriteSorted(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    WriteSorted(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
