namespace ServerlessDeploy.Testing.Tools;

/// <summary>
/// Where kubectl and helm are: the directory in SDEPLOY_TOOLS_DIR, else the repository's tools/bin (filled by
/// tools/bootstrap.sh), with the layout the Lambda layer has under /opt: &lt;dir&gt;/kubectl/kubectl and &lt;dir&gt;/helm/helm.
/// </summary>
public sealed record ToolPaths(string Directory)
{
    public const string Variable = "SDEPLOY_TOOLS_DIR";

    /// <summary>The tools for this test run, from the process environment and the test assembly's location.</summary>
    public static ToolPaths Current { get; } = Locate(Environment.GetEnvironmentVariable, AppContext.BaseDirectory);

    public string Kubectl => Path.Combine(Directory, "kubectl", "kubectl");

    public string Helm => Path.Combine(Directory, "helm", "helm");

    public static ToolPaths Locate(Func<string, string?> environment, string startDirectory)
    {
        if (environment(Variable) is { Length: > 0 } configured)
        {
            return new ToolPaths(Path.GetFullPath(configured));
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServerlessDeploy.sln")))
            {
                return new ToolPaths(Path.Combine(directory.FullName, "tools", "bin"));
            }
        }

        throw new InvalidOperationException($"no ServerlessDeploy.sln above {startDirectory}; set {Variable} to the directory holding kubectl/kubectl and helm/helm");
    }

    /// <summary>The path of kubectl, or a failure that says how to get it.</summary>
    public string RequireKubectl() =>
        File.Exists(Kubectl) ? Kubectl : throw new FileNotFoundException($"kubectl is not at {Kubectl}: run tools/bootstrap.sh, or set {Variable}", Kubectl);
}
