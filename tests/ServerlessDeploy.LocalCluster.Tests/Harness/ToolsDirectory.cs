namespace ServerlessDeploy.LocalCluster.Tests.Harness;

/// <summary>
/// Where the pinned tools live: $SDEPLOY_TOOLS_DIR, else the repository's tools/bin (found by walking up from the test
/// assembly to the folder holding ServerlessDeploy.sln). Laid out as in Lambda's /opt: kubectl/kubectl, helm/helm.
/// </summary>
internal static class ToolsDirectory
{
    public static string Kubectl => Tool("kubectl");

    private static string Tool(string name)
    {
        var path = Path.Combine(Root(), name, name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{name} not found at {path}; run tools/bootstrap.sh or set SDEPLOY_TOOLS_DIR", path);
    }

    private static string Root()
    {
        if (Environment.GetEnvironmentVariable("SDEPLOY_TOOLS_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "tools", "bin");
            }
        }

        throw new DirectoryNotFoundException($"no ServerlessDeploy.sln above {AppContext.BaseDirectory}; set SDEPLOY_TOOLS_DIR");
    }
}
