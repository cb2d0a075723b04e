namespace ServerlessDeploy.Rendering.Tools;

/// <summary>
/// Where kubectl and helm are: one folder with the Lambda layer's layout (kubectl/kubectl, helm/helm), named by
/// SDEPLOY_TOOLS_DIR; by default /opt in Lambda (where the layer is mounted) and tools/bin in a checkout.
/// </summary>
public sealed record ToolPaths(string Directory)
{
    public const string Variable = "SDEPLOY_TOOLS_DIR";

    public string Kubectl => Path.Combine(Directory, "kubectl", "kubectl");

    public string Helm => Path.Combine(Directory, "helm", "helm");

    /// <param name="environment">Reads an environment variable (injected so tests never touch the process's own).</param>
    /// <param name="startDirectory">Where to look upwards for a checkout's tools/bin when the variable is unset.</param>
    public static ToolPaths Resolve(Func<string, string?> environment, string startDirectory)
    {
        if (environment(Variable) is { Length: > 0 } configured)
        {
            return new ToolPaths(configured);
        }

        if (environment("AWS_LAMBDA_FUNCTION_NAME") is { Length: > 0 })
        {
            return new ToolPaths("/opt");
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return new ToolPaths(Path.Combine(dir.FullName, "tools", "bin"));
            }
        }

        return new ToolPaths("/opt");
    }

    public static ToolPaths FromProcess() => Resolve(Environment.GetEnvironmentVariable, AppContext.BaseDirectory);
}
