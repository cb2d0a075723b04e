namespace ServerlessDeploy.Rendering.Tools;

/// <summary>
/// Where kubectl and helm are, each found by <see cref="ToolLocator"/> or named with the reason it was not. Renderers ask
/// for a path with <see cref="KubectlPath"/> and <see cref="HelmPath"/>, so a missing tool fails only the render that
/// needs it, with one message naming every place that was searched.
/// </summary>
public sealed record ToolPaths(ToolPath Kubectl, ToolPath Helm)
{
    /// <summary>The folder with the Lambda layer's layout (kubectl/kubectl, helm/helm) that overrides every other place.</summary>
    public const string Variable = "SDEPLOY_TOOLS_DIR";

    /// <summary>kubectl's path; throws the reason it was not found.</summary>
    public string KubectlPath => Kubectl.Require();

    /// <summary>helm's path; throws the reason it was not found.</summary>
    public string HelmPath => Helm.Require();

    /// <summary>The tools as this process finds them: its environment, its file system, and the folder it runs from.</summary>
    public static ToolPaths FromProcess() =>
        new ToolLocator(Environment.GetEnvironmentVariable, ToolLocator.IsExecutableFile, AppContext.BaseDirectory).Locate();
}
