using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard's desired state: the app's source checked out at a revision from the Git cache the local pipeline keeps
/// in the state folder, rendered by the deployer's renderer with the image overrides. Namespaced objects that name no
/// namespace get the destination's, as the engine gives them (a kind the cluster does not serve is taken as namespaced).
/// </summary>
internal sealed class GitDesiredManifests(ISourceRepository sources, IManifestRenderer renderer, DestinationClients clusters) : IDesiredManifests
{
    public async Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ISourceTree tree;
        try
        {
            tree = await sources.CheckoutAsync(app.Source.RepoUrl, revision, cancellationToken);
        }
        catch (GitSourceException e)
        {
            return RenderedManifests.Failed($"{app.Source.RepoUrl} at {revision}: {e.Message}");
        }

        var rendered = await renderer.RenderAsync(new RenderRequest(app, tree.Root, imageOverrides), cancellationToken);
        if (!rendered.Succeeded)
        {
            return RenderedManifests.Failed(rendered.Error ?? "the render failed");
        }

        var namespaced = await NamespacedKindsAsync(app, rendered.Manifests.Select(m => (m.ApiVersion, m.Kind)).Distinct(), cancellationToken);
        return RenderedManifests.Of([.. rendered.Manifests.Select(m => InNamespace((JsonObject)m.Json.DeepClone(), app, m.Namespace.Length == 0 && namespaced.Contains((m.ApiVersion, m.Kind))))]);
    }

    /// <summary>The kinds discovery calls namespaced, and those it cannot tell (not served, or no cluster), as the engine takes them.</summary>
    private async Task<HashSet<(string ApiVersion, string Kind)>> NamespacedKindsAsync(Application app, IEnumerable<(string ApiVersion, string Kind)> kinds, CancellationToken cancellationToken)
    {
        var namespaced = new HashSet<(string ApiVersion, string Kind)>();
        var client = clusters.Connect(app.Destination).Client;
        foreach (var (apiVersion, kind) in kinds)
        {
            var lookup = client is null ? null : await client.FindTypeAsync(apiVersion, kind, cancellationToken);
            if (lookup?.Type?.Namespaced ?? true)
            {
                namespaced.Add((apiVersion, kind));
            }
        }

        return namespaced;
    }

    private static JsonObject InNamespace(JsonObject manifest, Application app, bool needsOne)
    {
        if (needsOne && manifest["metadata"] is JsonObject metadata)
        {
            metadata["namespace"] = app.Destination.Namespace.Length > 0 ? app.Destination.Namespace : "default";
        }

        return manifest;
    }
}
