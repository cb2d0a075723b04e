namespace ServerlessDeploy.Rendering.Tools;

/// <summary>
/// Finds kubectl and helm, first place that applies: the folder SDEPLOY_TOOLS_DIR names (the Lambda layer's layout,
/// kubectl/kubectl and helm/helm; nothing else is searched when it is set); /opt in Lambda, where the layer is
/// mounted; a checkout's tools/bin above <c>startDirectory</c>; else each folder of PATH, as a shell would.
/// </summary>
/// <param name="environment">Reads an environment variable (injected so tests never touch the process's own).</param>
/// <param name="isExecutable">Whether a path is an executable file (injected with the file system).</param>
/// <param name="startDirectory">Where to look upwards for a checkout's tools/bin.</param>
internal sealed class ToolLocator(Func<string, string?> environment, Func<string, bool> isExecutable, string startDirectory)
{
    public ToolPaths Locate()
    {
        if (environment(ToolPaths.Variable) is { Length: > 0 } configured)
        {
            return new ToolPaths(InFolder("kubectl", configured, $"{ToolPaths.Variable}={configured}"), InFolder("helm", configured, $"{ToolPaths.Variable}={configured}"));
        }

        if (environment("AWS_LAMBDA_FUNCTION_NAME") is { Length: > 0 })
        {
            return new ToolPaths(InFolder("kubectl", "/opt", "the Lambda layer (/opt)"), InFolder("helm", "/opt", "the Lambda layer (/opt)"));
        }

        return new ToolPaths(Search("kubectl"), Search("helm"));
    }

    /// <summary>Whether <paramref name="path"/> is a file the current user may run (any execute bit, on Unix).</summary>
    public static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private ToolPath InFolder(string tool, string folder, string described)
    {
        var path = Path.Combine(folder, tool, tool);
        return isExecutable(path) ? ToolPath.Found(path, described) : ToolPath.Missing($"{tool} is not in {described}: no executable {path}");
    }

    private ToolPath Search(string tool)
    {
        if (CheckoutTools(tool) is { } inCheckout)
        {
            return ToolPath.Found(inCheckout, "this checkout's tools/bin");
        }

        var path = environment("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? [tool + ".exe", tool] : new[] { tool };
        var found = path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(isExecutable);
        return found is not null ? ToolPath.Found(found, "PATH") : ToolPath.Missing(
            $"{tool} not found: it is on no folder of PATH ({(path.Length > 0 ? path : "empty")}) and {ToolPaths.Variable} is not set; " +
            $"install {tool} on PATH, or set {ToolPaths.Variable} to a folder holding {tool}/{tool}");
    }

    private string? CheckoutTools(string tool)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                var path = Path.Combine(dir.FullName, "tools", "bin", tool, tool);
                return isExecutable(path) ? path : null;
            }
        }

        return null;
    }
}
