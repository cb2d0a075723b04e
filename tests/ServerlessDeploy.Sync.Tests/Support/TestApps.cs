using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>Argo CD Applications over the fixture folders under testdata/, each with a unique name and namespace.</summary>
internal static class TestApps
{
    /// <summary>The repository the fixtures live in: testdata/ copied next to the test assembly.</summary>
    public static string Repository { get; } = Path.Combine(AppContext.BaseDirectory, "testdata");

    /// <summary>A unique name for one test's application and namespace, e.g. "prune-3f9a1c".</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// An Application named <paramref name="name"/> deploying testdata/<paramref name="path"/> into the namespace of
    /// the same name (created by the sync); <paramref name="spec"/> changes the spec before it is read.
    /// </summary>
    public static Application Create(string name, string path, Action<JsonObject>? spec = null)
    {
        var specNode = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "https://github.com/acme/config.git", ["targetRevision"] = "HEAD", ["path"] = path },
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = name },
            ["syncPolicy"] = new JsonObject { ["syncOptions"] = new JsonArray("CreateNamespace=true") },
        };
        spec?.Invoke(specNode);
        var manifest = new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = specNode,
        };
        var parsed = ApplicationReader.Read(manifest);
        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors));
        return parsed.Application!;
    }

    /// <summary>Adds application-level sync options (e.g. "PruneLast=true").</summary>
    public static Action<JsonObject> SyncOptions(params string[] options) => spec =>
    {
        var list = spec["syncPolicy"]!["syncOptions"]!.AsArray();
        foreach (var option in options)
        {
            list.Add(option);
        }
    };
}
