namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>The YAML fixtures under Fixtures/, copied next to the test assembly; "${name}" in a file stands for the test's own name.</summary>
internal static class Manifests
{
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

    public static string Read(string relativePath, string name) =>
        File.ReadAllText(PathOf(relativePath)).Replace("${name}", name, StringComparison.Ordinal);
}
