using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering.Tests;

/// <summary>The render cache's description of helm, kubectl and the renderer: real binaries, and scripts a test changes.</summary>
public sealed class ToolVersionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdeploy-tool-versions-").FullName;

    [Fact]
    public void The_checkouts_helm_and_kubectl_are_named_by_file_size_and_time_with_the_renderers_commit()
    {
        var tools = ToolPaths.FromProcess();

        var versions = ToolVersions.Of(tools);

        var helm = new FileInfo(tools.HelmPath);
        var kubectl = new FileInfo(tools.KubectlPath);
        Assert.StartsWith($"helm={helm.FullName} {helm.Length} ", versions, StringComparison.Ordinal);
        Assert.Contains($"; kubectl={kubectl.FullName} {kubectl.Length} ", versions, StringComparison.Ordinal);
        // The informational version carries the commit the renderer was built from ("1.0.0+<sha>").
        Assert.Matches(@"; renderer=\S+\+[0-9a-f]{40}$", versions);
        Assert.Equal(versions, ToolVersions.Of(ToolPaths.FromProcess()));
    }

    [Fact]
    public async Task A_tool_replaced_by_another_file_changes_the_description()
    {
        var helm = await ScriptAsync("helm", "echo v4.1.0");
        var tools = new ToolPaths(ToolPath.Found(await ScriptAsync("kubectl", "echo v1.34.0"), "PATH"), ToolPath.Found(helm, "PATH"));
        var before = ToolVersions.Of(tools);

        await File.WriteAllTextAsync(helm, "#!/bin/sh\necho v4.2.0\n");
        File.SetLastWriteTimeUtc(helm, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.NotEqual(before, ToolVersions.Of(tools));
        Assert.Contains($"helm={helm} {new FileInfo(helm).Length} 2027-01-01T00:00:00.0000000Z;", ToolVersions.Of(tools), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_is_described_by_the_file_it_leads_to()
    {
        var real = await ScriptAsync("helm-4.1", "echo v4.1.0");
        var link = Path.Combine(_folder, "helm");
        File.CreateSymbolicLink(link, real);

        var versions = ToolVersions.Of(new ToolPaths(ToolPath.Missing("no kubectl"), ToolPath.Found(link, "PATH")));

        Assert.StartsWith($"helm={real} {new FileInfo(real).Length} ", versions, StringComparison.Ordinal);
        Assert.Contains("; kubectl=missing; ", versions, StringComparison.Ordinal);
    }

    private async Task<string> ScriptAsync(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, $"#!/bin/sh\n{body}\n");
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
