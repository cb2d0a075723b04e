using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Engine;

/// <summary>CreateNamespace=true: the destination namespace is applied before anything that lives in it.</summary>
internal static class ManagedNamespace
{
    public static async Task<string?> EnsureAsync(IClusterClient cluster, Application app, CancellationToken cancellationToken)
    {
        if (app.Destination.Namespace.Length == 0)
        {
            return null;
        }

        var type = await cluster.FindTypeAsync("v1", "Namespace", cancellationToken);
        if (type is null)
        {
            return "the cluster serves no Namespace kind";
        }

        var ns = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = app.Destination.Namespace },
        };
        var response = await cluster.ApplyAsync(type, ns, new ApplyOptions(), cancellationToken);
        return response.Succeeded ? null : $"creating namespace {app.Destination.Namespace} failed: {response.Message}";
    }
}
