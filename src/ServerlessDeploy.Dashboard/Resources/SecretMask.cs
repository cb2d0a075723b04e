using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// Argo CD's hideSecretData, the one place the dashboard hides Secret values: every value of a Secret's data (stringData
/// folded into data first, as the API server does) becomes a run of '+', the same run for the same value and a longer run
/// for each different value of that key, so a diff still shows that a value changed but never what it is. The
/// kubectl last-applied annotation holds the Secret again, so its values are masked alongside, and an annotation that
/// does not read is replaced whole.
/// </summary>
public static class SecretMask
{
    public const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    private const string FirstRun = "++++++++";

    /// <summary>Masked copies of one resource's desired and live objects (either may be null); the originals are untouched.</summary>
    public static MaskedPair Hide(JsonObject? desired, JsonObject? live)
    {
        var want = desired?.DeepClone() as JsonObject;
        var have = live?.DeepClone() as JsonObject;
        if (!IsSecret(want) && !IsSecret(have))
        {
            return new MaskedPair(want, have);
        }

        JsonObject?[] objects = [want, have, LastAppliedOf(want), LastAppliedOf(have)];
        foreach (var secret in objects)
        {
            FoldStringData(secret);
        }

        MaskValues(objects);
        WriteLastApplied(want, objects[2]);
        WriteLastApplied(have, objects[3]);
        return new MaskedPair(want, have);
    }

    private static bool IsSecret(JsonObject? value) => Text(value?["kind"]) == "Secret" && Text(value?["apiVersion"]) == "v1";

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static void MaskValues(JsonObject?[] objects)
    {
        var keys = objects.SelectMany(o => (o?["data"] as JsonObject)?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            var runs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var data in objects.Select(o => o?["data"] as JsonObject))
            {
                if (data is not null && data.TryGetPropertyValue(key, out var value))
                {
                    var text = value?.ToJsonString() ?? "null";
                    if (!runs.TryGetValue(text, out var run))
                    {
                        run = FirstRun + new string('+', 4 * runs.Count);
                        runs[text] = run;
                    }

                    data[key] = run;
                }
            }
        }
    }

    /// <summary>
    /// stringData's plain values join data base64-encoded, so the same value written either way masks alike; a data or
    /// stringData that is not a map has no keys to compare and is masked whole.
    /// </summary>
    private static void FoldStringData(JsonObject? secret)
    {
        if (secret is null)
        {
            return;
        }

        if (secret["data"] is not null and not JsonObject)
        {
            secret["data"] = FirstRun;
        }

        if (secret["stringData"] is not JsonObject plain)
        {
            secret.Remove("stringData");
            return;
        }

        var data = secret["data"] as JsonObject ?? [];
        foreach (var (key, value) in plain)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(value) ?? value?.ToJsonString() ?? ""));
        }

        secret["data"] = data;
        secret.Remove("stringData");
    }

    private static JsonObject? LastAppliedOf(JsonObject? secret)
    {
        if (secret?["metadata"]?["annotations"] is not JsonObject annotations || !annotations.TryGetPropertyValue(LastApplied, out var annotation))
        {
            return null;
        }

        try
        {
            return Text(annotation) is { } text ? JsonNode.Parse(text) as JsonObject ?? [] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The masked annotation back in place; one that did not read as an object (masked as empty) is replaced by a mask.</summary>
    private static void WriteLastApplied(JsonObject? secret, JsonObject? masked)
    {
        if (masked is not null && secret?["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations[LastApplied] = masked.Count == 0 ? FirstRun : masked.ToJsonString();
        }
    }
}
