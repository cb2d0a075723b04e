using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>Apps recorded with the Application they were deployed from (what the live views need), and the dashboard over given ports.</summary>
public static class Applications
{
    /// <summary>The Application JSON the pipeline records: its destination is the kubeconfig's current context.</summary>
    public static string Manifest(string app, string ns) => new JsonObject
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = app },
        ["spec"] = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "https://git.example.com/config.git", ["path"] = app, ["targetRevision"] = "HEAD" },
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = ns },
        },
    }.ToJsonString();

    public static AppState Deployed(string app, string ns, params ResourceState[] resources) =>
        States.Synced(app) with { Manifest = Manifest(app, ns), Resources = resources };

    public static ResourceState Resource(string group, string kind, string ns, string name, string message = "deployment.apps/web configured") =>
        new(group, kind, ns, name, SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, message, HealthCode.Healthy, "");

    /// <summary>A client of the dashboard over the given live ports.</summary>
    public static HttpClient Client(DashboardFactory factory, ILiveResources live, IDesiredManifests desired) =>
        factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton(live).AddSingleton(desired))).CreateClient();
}
