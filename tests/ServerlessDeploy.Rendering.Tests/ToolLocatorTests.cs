using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering.Tests;

/// <summary>
/// Where helm and kubectl come from, outside a checkout: a test's own PATH folder (symlinks to tools/bin's binaries, or
/// a script), SDEPLOY_TOOLS_DIR, Lambda's /opt, and one error naming PATH and SDEPLOY_TOOLS_DIR when none has them.
/// The environment is a dictionary; the start folder is a temporary folder with no checkout above it.
/// </summary>
public sealed class ToolLocatorTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("sdeploy-tools-outside-").FullName;
    private readonly string _path = Directory.CreateTempSubdirectory("sdeploy-tools-path-").FullName;
    private readonly string _empty = Directory.CreateTempSubdirectory("sdeploy-tools-empty-").FullName;

    [Fact]
    public async Task Outside_a_checkout_helm_and_kubectl_on_PATH_render_a_chart_and_a_kustomization()
    {
        var checkout = ToolPaths.FromProcess();
        File.CreateSymbolicLink(Path.Combine(_path, "helm"), checkout.HelmPath);
        File.CreateSymbolicLink(Path.Combine(_path, "kubectl"), checkout.KubectlPath);

        var tools = Locate(new() { ["PATH"] = $"{_empty}:{_path}" });
        var chart = await Render.AppAsync(tools, Render.RepositoryRootOfExamples(), Render.Application("redis-chart"));
        var kustomization = await Render.AppAsync(tools, Render.RepositoryRootOfExamples(), Render.Application("podinfo/overlays/production"));

        Assert.Equal(Path.Combine(_path, "helm"), tools.HelmPath);
        Assert.Equal(Path.Combine(_path, "kubectl"), tools.KubectlPath);
        Assert.True(chart.Succeeded, chart.Error);
        Assert.Contains(chart.Manifests, m => m.Kind == "StatefulSet");
        Assert.True(kustomization.Succeeded, kustomization.Error);
        Assert.Contains(kustomization.Manifests, m => m.Kind == "Deployment" && m.Name == "prod-podinfo");
    }

    [Fact]
    public async Task The_first_PATH_folder_holding_the_tool_wins_and_a_file_that_cannot_run_is_passed_by()
    {
        var first = Directory.CreateDirectory(Path.Combine(_empty, "first")).FullName;
        await File.WriteAllTextAsync(Path.Combine(first, "helm"), "not executable");
        WriteScript(Path.Combine(_path, "helm"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-path-helm\n");

        var tools = Locate(new() { ["PATH"] = $"{first}:{_path}" });
        var chart = await Render.AppAsync(tools, Render.RepositoryRootOfExamples(), Render.Application("redis-chart"));

        Assert.True(chart.Succeeded, chart.Error);
        Assert.Equal("from-path-helm", Assert.Single(chart.Manifests).Name);
    }

    [Fact]
    public async Task When_neither_PATH_nor_SDEPLOY_TOOLS_DIR_has_helm_one_error_names_both()
    {
        var tools = Locate(new() { ["PATH"] = _empty });

        var chart = await Render.AppAsync(tools, Render.RepositoryRootOfExamples(), Render.Application("redis-chart"));

        Assert.False(chart.Succeeded);
        Assert.Empty(chart.Manifests);
        Assert.Equal(
            $"app: helm not found: it is on no folder of PATH ({_empty}) and SDEPLOY_TOOLS_DIR is not set; install helm on PATH, or set SDEPLOY_TOOLS_DIR to a folder holding helm/helm",
            chart.Error);
    }

    [Fact]
    public void SDEPLOY_TOOLS_DIR_names_the_only_folder_searched_and_a_missing_tool_there_says_so()
    {
        var layer = Directory.CreateDirectory(Path.Combine(_outside, "layer", "kubectl")).Parent!.FullName;
        WriteScript(Path.Combine(layer, "kubectl", "kubectl"), "");
        WriteScript(Path.Combine(_path, "helm"), "");

        var tools = Locate(new() { [ToolPaths.Variable] = layer, ["PATH"] = _path });

        Assert.Equal(Path.Combine(layer, "kubectl", "kubectl"), tools.KubectlPath);
        Assert.Null(tools.Helm.Path);
        Assert.Equal($"helm is not in SDEPLOY_TOOLS_DIR={layer}: no executable {Path.Combine(layer, "helm", "helm")}", tools.Helm.Problem);
    }

    [Fact]
    public void In_Lambda_the_tools_are_the_layers_under_opt()
    {
        var tools = new ToolLocator(Environment(new() { ["AWS_LAMBDA_FUNCTION_NAME"] = "deployer", ["PATH"] = _path }), _ => true, _outside).Locate();

        Assert.Equal("/opt/kubectl/kubectl", tools.KubectlPath);
        Assert.Equal("/opt/helm/helm", tools.HelmPath);
    }

    public void Dispose()
    {
        Directory.Delete(_outside, recursive: true);
        Directory.Delete(_path, recursive: true);
        Directory.Delete(_empty, recursive: true);
    }

    private ToolPaths Locate(Dictionary<string, string> variables) =>
        new ToolLocator(Environment(variables), ToolLocator.IsExecutableFile, _outside).Locate();

    private static Func<string, string?> Environment(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);

    /// <summary>An executable shell script that prints <paramref name="output"/>, whatever its arguments.</summary>
    private static void WriteScript(string path, string output)
    {
        File.WriteAllText(path, $"#!/bin/sh\ncat <<'EOF'\n{output}EOF\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
