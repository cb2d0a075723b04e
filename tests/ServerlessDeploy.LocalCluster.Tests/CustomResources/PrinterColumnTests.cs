using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.CustomResources;

/// <summary>`kubectl get` of a custom resource whose CRD declares additionalPrinterColumns shows those columns, as kube-apiserver's Table does.</summary>
public sealed class PrinterColumnTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Fact]
    public async Task Kubectl_get_prints_the_declared_columns_with_a_blank_for_a_missing_value()
    {
        var (group, ns) = await Rollouts.CreateAsync(cluster);
        await Rollouts.SetStatusAsync(cluster, group, ns, """{"replicas":1,"selector":"app=web"}""");

        var output = await cluster.Kubectl.SucceedAsync("get", $"rollouts.{group}", "-n", ns);
        var wide = await cluster.Kubectl.SucceedAsync("get", $"rollouts.{group}", "-n", ns, "-o", "wide");

        // kubectl prints a null cell (the Table's missing value) as nothing.
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "PHASE", "AGE"], Rows(output)[0]);
        Assert.Equal(["web", "2", "1", ""], Rows(output)[1][..^1]);
        Assert.Matches("^[0-9]+s$", Rows(output)[1][^1]);
        Assert.Equal(["NAME", "DESIRED", "CURRENT", "PHASE", "SELECTOR", "AGE"], Rows(wide)[0]);
        Assert.Equal("app=web", Rows(wide)[1][4]);
    }

    [Fact]
    public async Task The_Table_carries_the_columns_as_declared_numbers_as_numbers_and_missing_values_as_null()
    {
        var (group, ns) = await Rollouts.CreateAsync(cluster);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/apis/{group}/{Rollouts.Version}/namespaces/{ns}/{Rollouts.Plural}");
        request.Headers.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io");
        using var response = await cluster.Http.SendAsync(request);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var columns = table["columnDefinitions"]!.AsArray().Select(c => ((string?)c!["name"], (string?)c["type"], (int?)c["priority"]));
        Assert.Equal([("Name", "string", 0), ("Desired", "integer", 0), ("Current", "integer", 0), ("Phase", "string", 0), ("Selector", "string", 1), ("Age", "date", 0)], columns);
        Assert.Equal("Number of desired pods", (string?)table["columnDefinitions"]![1]!["description"]);
        Assert.Equal("Custom resource definition column (in JSONPath format): .status.phase", (string?)table["columnDefinitions"]![3]!["description"]);
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("""["web",2,null,null,null]""", new JsonArray([.. cells.Take(5).Select(c => c?.DeepClone())]).ToJsonString());
    }

    [Fact]
    public async Task Kinds_without_printer_columns_keep_name_and_age()
    {
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Kubectl.RunWithInputAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n", "apply", "-f", "-", "-n", ns);

        var output = await cluster.Kubectl.SucceedAsync("get", "configmap", "plain", "-n", ns);

        Assert.Equal(["NAME", "AGE"], Rows(output)[0]);
    }

    /// <summary>kubectl's table cut into cells at the columns' header positions, so a blank cell stays in its place.</summary>
    private static string[][] Rows(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var starts = Regex.Matches(lines[0], @"\S+").Select(m => m.Index).ToArray();
        return [.. lines.Select(line => starts.Select((start, i) => Slice(line, start, i + 1 < starts.Length ? starts[i + 1] : line.Length)).ToArray())];
    }

    private static string Slice(string line, int start, int end) =>
        start >= line.Length ? "" : line[start..Math.Min(end, line.Length)].Trim();
}
