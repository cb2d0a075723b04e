using System.Text.Json;

namespace ServerlessDeploy.Infra.Settings;

/// <summary>
/// A cluster the deployer syncs to. Without <see cref="RoleArn"/> it is in the stack's account and region and gets
/// an access entry there; with it, the companion stack in the cluster's account creates that role and its entry.
/// Access is either the listed namespaces (edit) or, with <see cref="ClusterScope"/>, the whole cluster (admin).
/// <see cref="ClusterRead"/> (default true) adds read access to the whole cluster beside namespace-scoped edit, so the
/// deployer lists each kind once for all namespaces; false keeps its reads to its namespaces, one list per namespace.
/// </summary>
public sealed record ClusterSettings(
    string Name,
    Uri Endpoint,
    string CaData,
    string? Region,
    string? RoleArn,
    IReadOnlyList<string> Namespaces,
    bool ClusterScope,
    bool ClusterRead)
{
    public bool InOtherAccount => RoleArn is not null;

    /// <summary>Parses the clusters setting: a JSON array of {name, endpoint, caData, region?, roleArn?, namespaces? | clusterScope?, clusterRead?}.</summary>
    public static IReadOnlyList<ClusterSettings> ParseAll(string key, JsonElement? json)
    {
        if (json is not { } array)
        {
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InfraSettingsException($"CDK context '{key}' must be a JSON array of clusters, not {array.ValueKind}.");
        }
        var clusters = array.EnumerateArray().Select((item, i) => Parse(new ClusterReader(key, i, item))).ToList();
        var duplicate = clusters.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? clusters
            : throw new InfraSettingsException($"CDK context '{key}' names cluster '{duplicate.Key}' more than once.");
    }

    private static ClusterSettings Parse(ClusterReader r)
    {
        var name = r.Required("name", SettingPatterns.ClusterName().IsMatch, "an EKS cluster name");
        var endpointText = r.Required("endpoint", t => Uri.TryCreate(t, UriKind.Absolute, out var u) && u.Scheme == "https", "the https:// API server endpoint");
        var caData = r.Required("caData", IsBase64, "the base64 certificate authority data");
        var region = r.Optional("region", SettingPatterns.Region().IsMatch, "an AWS region such as eu-west-1");
        var roleArn = r.Optional("roleArn", SettingPatterns.RoleArn().IsMatch, "an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        var namespaces = r.Namespaces();
        var clusterScope = r.Flag("clusterScope", absent: false);
        if (clusterScope == (namespaces.Count > 0))
        {
            throw r.Error("needs either a non-empty 'namespaces' list or \"clusterScope\": true (not both)");
        }
        var clusterRead = r.Flag("clusterRead", absent: true);
        if (clusterScope && !clusterRead)
        {
            throw r.Error("has \"clusterRead\": false with \"clusterScope\": true, whose admin access reads the whole cluster; give 'namespaces' instead to keep reads to them");
        }
        return new ClusterSettings(name, new Uri(endpointText), caData, region, roleArn, namespaces, clusterScope, clusterRead);
    }

    private static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private sealed class ClusterReader(string key, int index, JsonElement item)
    {
        public string Required(string field, Func<string, bool> valid, string expected) =>
            Optional(field, valid, expected) ?? throw Error($"is missing '{field}' ({expected})");

        public string? Optional(string field, Func<string, bool> valid, string expected)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Error("is not a JSON object");
            }
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : value.GetRawText();
            return valid(text) ? text : throw Error($"has invalid '{field}' value '{text}': expected {expected}");
        }

        public List<string> Namespaces()
        {
            if (!item.TryGetProperty("namespaces", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
            if (value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String || !SettingPatterns.Namespace().IsMatch(n.GetString()!)))
            {
                throw Error($"has invalid 'namespaces' value {value.GetRawText()}: expected an array of Kubernetes namespace names");
            }
            return value.EnumerateArray().Select(n => n.GetString()!).ToList();
        }

        public bool Flag(string field, bool absent) =>
            !item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
                ? absent
                : value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Error($"has invalid '{field}' value {value.GetRawText()}: expected true or false"),
                };

        public InfraSettingsException Error(string problem) =>
            new($"CDK context '{key}': cluster [{index}] {problem}.");
    }
}
