using ServerlessDeploy.Testing.Tools;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

public sealed class ToolPathsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sdeploy-toolpaths-");

    [Fact]
    public void SDEPLOY_TOOLS_DIR_names_the_directory_with_the_Lambda_layer_layout()
    {
        var tools = ToolPaths.Locate(name => name == ToolPaths.Variable ? "/opt" : null, _root.FullName);

        Assert.Equal(("/opt/kubectl/kubectl", "/opt/helm/helm"), (tools.Kubectl, tools.Helm));
    }

    [Fact]
    public void Without_the_variable_the_repository_tools_bin_is_found_above_the_start_directory()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "ServerlessDeploy.sln"), "");
        var start = Directory.CreateDirectory(Path.Combine(_root.FullName, "tests", "bin", "Debug", "net10.0")).FullName;

        var tools = ToolPaths.Locate(_ => null, start);

        Assert.Equal(Path.Combine(_root.FullName, "tools", "bin", "kubectl", "kubectl"), tools.Kubectl);
    }

    [Fact]
    public void Without_the_variable_or_a_repository_the_failure_names_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ToolPaths.Locate(_ => null, _root.FullName));

        Assert.Contains(ToolPaths.Variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void This_test_run_finds_the_bootstrapped_kubectl() =>
        Assert.True(File.Exists(ToolPaths.Current.RequireKubectl()));

    public void Dispose() => _root.Delete(recursive: true);
}
