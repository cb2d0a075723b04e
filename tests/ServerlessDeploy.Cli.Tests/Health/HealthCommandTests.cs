using System.Text.Json.Nodes;
using ServerlessDeploy.Cli;

namespace ServerlessDeploy.Cli.Tests.Health;

public sealed class HealthCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task Json_output_has_one_entry_per_object_with_a_null_status_for_kinds_without_health()
    {
        var exit = await RunAsync("health", "-f", Fixture("live-objects.yaml"), "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", _errors.ToString());
        var entries = JsonNode.Parse(_output.ToString())!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal(
            """{"kind":"Deployment","namespace":"shop","name":"web","status":"Progressing","message":"Waiting for rollout to finish: 1 out of 3 new replicas have been updated..."}""",
            entries[0]!.ToJsonString());
        Assert.Equal("""{"kind":"ConfigMap","namespace":"shop","name":"settings","status":null,"message":null}""", entries[1]!.ToJsonString());
        Assert.Equal("Degraded", entries[2]!["status"]!.GetValue<string>());
        Assert.Contains("restarting failed container=api", entries[2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_output_is_the_default()
    {
        var exit = await RunAsync("health", "-f", Fixture("live-objects.yaml"));

        Assert.Equal(0, exit);
        var lines = _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["KIND", "NAMESPACE", "NAME", "STATUS", "MESSAGE"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Deployment   shop        web                   Progressing   Waiting for rollout to finish", lines[1], StringComparison.Ordinal);
        Assert.Equal(["ConfigMap", "shop", "settings", "-"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Degraded", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_one_message_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdeploy-missing-{Guid.NewGuid():N}.yaml");

        var exit = await RunAsync("health", "-f", path);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {path}: no such file{Environment.NewLine}", _errors.ToString());
        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public async Task Broken_yaml_exits_2_with_the_file_and_the_problem()
    {
        var path = Fixture("broken.yaml");

        var exit = await RunAsync("health", "-f", path, "-o", "json");

        Assert.Equal(2, exit);
        var error = Assert.Single(_errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {path}: invalid YAML: line ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", _output.ToString());
    }

    [Fact]
    public async Task A_document_without_a_name_is_listed_with_a_null_name_and_no_health_of_its_own()
    {
        var exit = await RunAsync("health", "-f", Fixture("no-name.yaml"), "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", _errors.ToString());
        var entries = JsonNode.Parse(_output.ToString())!.AsArray();
        Assert.Equal("""{"kind":"Secret","namespace":null,"name":null,"status":null,"message":null}""", entries[1]!.ToJsonString());
    }

    [Fact]
    public async Task Live_objects_read_as_kubectl_reads_them_YAML_1_1_booleans_merge_keys_and_the_last_duplicated_key()
    {
        var exit = await RunAsync("health", "-f", Fixture("yaml11.yaml"), "-o", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", _errors.ToString());
        var entries = JsonNode.Parse(_output.ToString())!.AsArray();
        Assert.Equal("""{"kind":"Deployment","namespace":"shop","name":"paused","status":"Suspended","message":"Deployment is paused"}""", entries[0]!.ToJsonString());
        Assert.Equal(
            """{"kind":"Deployment","namespace":"shop","name":"scaled","status":"Progressing","message":"Waiting for rollout to finish: 2 of 3 updated replicas are available..."}""",
            entries[1]!.ToJsonString());
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
    }

    private static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Health", "testdata", file);

    private Task<int> RunAsync(params string[] args) => SdeployCommand.Build(_output, _errors).Parse(args).InvokeAsync();
}
