using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard's live reads over the engine's cluster client: the app's destination connected once through the
/// connector (the --kubeconfig given to `sdeploy ui`), kinds found by discovery, failures as values.
/// </summary>
internal sealed class ClusterLiveResources(DestinationClients clusters) : ILiveResources
{
    public async Task<LiveObject> GetAsync(Application app, ResourceKey resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resource);
        var (client, type, problem) = await FindAsync(app, resource.Group, resource.Kind, cancellationToken);
        if (client is null || type is null)
        {
            return problem is null ? LiveObject.Absent : LiveObject.NotRead(problem);
        }

        var response = await client.GetAsync(type, type.Namespaced ? resource.Namespace : "", resource.Name, cancellationToken);
        return response switch
        {
            { NotFound: true } => LiveObject.Absent,
            { Succeeded: true, Body: { } body } => LiveObject.Found(Typed(body, type)),
            _ => LiveObject.NotRead($"GET {resource}: {response}"),
        };
    }

    public async Task<LiveList> ListAsync(Application app, string group, string kind, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (client, type, problem) = await FindAsync(app, group, kind, cancellationToken);
        if (client is null || type is null)
        {
            return problem is null ? LiveList.Of([]) : LiveList.NotRead(problem);
        }

        var response = await client.ListAsync(type, type.Namespaced && ns.Length > 0 ? ns : null, null, cancellationToken);
        return response is { Succeeded: true, Body: { } body }
            ? LiveList.Of([.. (body["items"] as JsonArray ?? []).OfType<JsonObject>().Select(item => Typed(item, type))])
            : LiveList.NotRead($"list {kind} in {ns}: {response}");
    }

    /// <summary>The connected client and the served type of a group and kind; no type and no problem when the cluster does not serve it.</summary>
    private async Task<(IClusterClient? Client, ClusterResourceType? Type, string? Problem)> FindAsync(Application app, string group, string kind, CancellationToken cancellationToken)
    {
        var connection = clusters.Connect(app.Destination);
        if (connection.Client is not { } client)
        {
            return (null, null, connection.Problem);
        }

        var served = await client.ListableTypesAsync(cancellationToken);
        return served.Unreadable is { } unreadable
            ? (null, null, unreadable)
            : (client, served.Types.FirstOrDefault(t => t.Group == group && t.Kind == kind), null);
    }

    /// <summary>A list's items come without apiVersion and kind; the page and the tree need both.</summary>
    private static JsonObject Typed(JsonObject item, ClusterResourceType type)
    {
        item["apiVersion"] ??= type.ApiVersion;
        item["kind"] ??= type.Kind;
        return item;
    }
}
