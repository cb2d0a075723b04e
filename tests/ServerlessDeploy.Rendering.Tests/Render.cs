using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering.Tests;

/// <summary>Renders with the real helm and kubectl found through SDEPLOY_TOOLS_DIR (or the checkout's tools/bin).</summary>
internal static class Render
{
    public static Task<RenderResult> AppAsync(string repositoryRoot, string applicationYaml, IReadOnlyList<string>? images = null) =>
        AppAsync(ToolPaths.FromProcess(), repositoryRoot, applicationYaml, images);

    /// <summary>Renders with the given tools (e.g. found on a test's own PATH).</summary>
    public static Task<RenderResult> AppAsync(ToolPaths tools, string repositoryRoot, string applicationYaml, IReadOnlyList<string>? images = null)
    {
        var parsed = ApplicationReader.Read(YamlReader.ReadAll(applicationYaml, "app.yaml")[0].AsObject());
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        var renderer = new ManifestRenderer(tools, new ProcessRunner());
        return renderer.RenderAsync(new RenderRequest(parsed.Application!, repositoryRoot, images ?? []), CancellationToken.None);
    }

    public static string Application(string path, string extra = "", string ns = "demo") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app
        spec:
          source:
            repoURL: https://github.com/acme/deploy.git
            path: {path}
        {extra}
          destination:
            server: https://kubernetes.default.svc
            namespace: {ns}
        """;

    public static string RepositoryRootOfExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "workloads");
            }
        }

        throw new InvalidOperationException("not inside the repository");
    }
}
