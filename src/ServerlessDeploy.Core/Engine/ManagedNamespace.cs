using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// CreateNamespace=true: the destination namespace is created before anything that lives in it. One that exists is
/// left alone, as Argo CD does, so a sync with nothing to change writes nothing.
/// </summary>
internal static class ManagedNamespace
{
    public static async Task<string?> EnsureAsync(IClusterClient cluster, Application app, LiveReads reads, CancellationToken cancellationToken)
    {
        if (app.Destination.Namespace.Length == 0)
        {
            return null;
        }

        var lookup = await cluster.FindTypeAsync("v1", "Namespace", cancellationToken);
        if (lookup.Unreadable is not null)
        {
            return lookup.Unreadable;
        }

        if (lookup.Type is not { } type)
        {
            return "the cluster serves no Namespace kind";
        }

        var existing = await cluster.GetAsync(type, "", app.Destination.Namespace, cancellationToken);
        if (existing.Succeeded)
        {
            return null;
        }

        if (!existing.NotFound)
        {
            return $"reading namespace {app.Destination.Namespace} failed: {existing}";
        }

        var ns = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject { ["name"] = app.Destination.Namespace },
        };
        reads.Writing();
        var response = await cluster.ApplyAsync(type, ns, new ApplyOptions(), cancellationToken);
        return response.Succeeded ? null : $"creating namespace {app.Destination.Namespace} failed: {response.Message}";
    }
}
