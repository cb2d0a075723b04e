using System.Text.Json.Nodes;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

/// <summary>
/// A dashboard of its own over a small fleet whose apps differ in every facet the list filters by, so a test can tell
/// which filter let which app through; counts are over the whole fleet, so no other test writes to it.
/// </summary>
public sealed class Fleet : IAsyncLifetime
{
    public const string Config = "https://git.example/platform/config.git";
    public const string Charts = "https://charts.example/stable";
    public const string InCluster = "https://kubernetes.default.svc";

    public DashboardFactory Dashboard { get; } = new();

    /// <summary>Name, sync, health, project, destination (server or name), namespace, repositories, labels.</summary>
    public static IReadOnlyList<AppState> Apps { get; } =
    [
        App("guestbook", SyncStatusCode.Synced, HealthCode.Healthy, "web", InCluster, "guestbook", [Config], ("team", "web"), ("tier", "frontend")),
        App("guestbook-canary", SyncStatusCode.OutOfSync, HealthCode.Progressing, "web", InCluster, "guestbook", [Config], ("team", "web")),
        App("payments", SyncStatusCode.OutOfSync, HealthCode.Degraded, "money", "prod-eu", "payments", [Config], ("team", "money"), ("tier", "backend")),
        App("redis", SyncStatusCode.Synced, HealthCode.Healthy, "default", "prod-eu", "cache", [Charts, Config], ("tier", "backend")),
        App("retired", SyncStatusCode.Removed, HealthCode.Missing, "web", InCluster, "old", [Config]),
        AppState.New("never-synced"),
    ];

    public async Task InitializeAsync()
    {
        foreach (var app in Apps)
        {
            await Dashboard.Store.PutAppAsync(app, CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await Dashboard.DisposeAsync();

    /// <summary>An app as the deployer records it, with the Application manifest it deployed.</summary>
    public static AppState App(
        string name, SyncStatusCode sync, HealthCode health, string project, string destination, string ns, string[] repositories, params (string Key, string Value)[] labels) =>
        States.Synced(name) with { SyncStatus = sync, Health = health, Manifest = Manifest(name, project, destination, ns, repositories, labels) };

    private static string Manifest(string name, string project, string destination, string ns, string[] repositories, (string Key, string Value)[] labels)
    {
        var metadata = new JsonObject { ["name"] = name, ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))) };
        var spec = new JsonObject
        {
            ["project"] = project,
            ["destination"] = new JsonObject { [destination.StartsWith("https://", StringComparison.Ordinal) ? "server" : "name"] = destination, ["namespace"] = ns },
        };
        if (repositories.Length == 1)
        {
            spec["source"] = new JsonObject { ["repoURL"] = repositories[0], ["path"] = name };
        }
        else
        {
            spec["sources"] = new JsonArray([.. repositories.Select(r => (JsonNode)new JsonObject { ["repoURL"] = r })]);
        }

        return new JsonObject { ["apiVersion"] = "argoproj.io/v1alpha1", ["kind"] = "Application", ["metadata"] = metadata, ["spec"] = spec }.ToJsonString();
    }
}
