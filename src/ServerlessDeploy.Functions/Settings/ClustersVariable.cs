using System.Globalization;
using System.Text.Json;
using ServerlessDeploy.Aws.Eks;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// Reads CLUSTERS: a JSON array of <c>{"name","endpoint","caData","region","roleArn"?,"clusterRead"?}</c>, one entry per
/// EKS cluster; clusterRead (true or false, true when absent) says whether the deployer may read the whole cluster.
/// Problems name the entry and field, never a value that could be long or sensitive (caData).
/// </summary>
internal static class ClustersVariable
{
    public static IReadOnlyList<EksClusterEndpoint> Parse(string variable, string text, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add($"{variable} is not JSON ({e.Message})");
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                problems.Add($"{variable} must be a non-empty JSON array of {{\"name\",\"endpoint\",\"caData\",\"region\",\"roleArn\"?,\"clusterRead\"?}}");
                return [];
            }

            var clusters = new List<EksClusterEndpoint>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (Entry(string.Create(CultureInfo.InvariantCulture, $"{variable}[{index++}]"), element, problems) is { } cluster)
                {
                    clusters.Add(cluster);
                }
            }

            foreach (var duplicate in clusters.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{variable} names cluster {duplicate.Key} more than once");
            }
            return clusters;
        }
    }

    private static EksClusterEndpoint? Entry(string label, JsonElement element, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{label} is not an object");
            return null;
        }

        var missing = new List<string>();
        string Field(string name)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
            missing.Add(name);
            return "";
        }

        var name = Field("name");
        var endpoint = Field("endpoint");
        var caData = Field("caData");
        var region = Field("region");
        var roleArn = element.TryGetProperty("roleArn", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null;
        if (missing.Count > 0)
        {
            problems.Add($"{label} lacks {string.Join(", ", missing)}");
            return null;
        }

        if (ClusterRead(element) is not { } clusterRead)
        {
            problems.Add($"{label} ({name}): clusterRead is not true or false");
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            problems.Add($"{label} ({name}): endpoint is not an absolute URL");
            return null;
        }

        var cluster = new EksClusterEndpoint(name, uri, caData, region, string.IsNullOrWhiteSpace(roleArn) ? null : roleArn, clusterRead);
        problems.AddRange(cluster.Problems().Select(p => $"{label} ({name}): {p}"));
        return cluster;
    }

    /// <summary>The clusterRead flag: true when absent (or JSON null), null when it is not a JSON boolean.</summary>
    private static bool? ClusterRead(JsonElement element) =>
        !element.TryGetProperty("clusterRead", out var value) ? true
        : value.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.Null => true,
            JsonValueKind.False => false,
            _ => null,
        };
}
