using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Rendering.Cache;

/// <summary>Applications read from YAML as the config repository holds them, one source option added at a time.</summary>
internal static class Apps
{
    public static Application Read(string sourceExtra = "", string name = "guestbook", string ns = "demo",
        string repoUrl = "https://github.com/acme/deploy.git", string path = "apps/guestbook", string targetRevision = "main")
    {
        var yaml = $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {name}
            spec:
              project: default
              source:
                repoURL: {repoUrl}
                targetRevision: {targetRevision}
                path: {path}
            {Indent(sourceExtra)}
              destination:
                server: https://kubernetes.default.svc
                namespace: {ns}
            """;
        var parsed = ApplicationReader.Read(YamlReader.ReadAll(yaml, "app.yaml")[0].AsObject());
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        return parsed.Application ?? throw new InvalidOperationException("a parsed Application");
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "    " + line));
}
