using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Tracking;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Readies rendered manifests for comparison and apply: each kind must be served (or defined by a CRD in the same
/// render, or served by the Rollout definition the sync creates under CreateRolloutCRD, or wait for its CRD under
/// SkipDryRunOnMissingResource=true: such a manifest has no type until it is applied), namespaced objects get the destination namespace when they name none, and every object is tracked.
/// Discovery that cannot be read stops the preparation: its failure comes back as Unreadable.
/// </summary>
internal static class DesiredState
{
    /// <returns>CreatesRolloutDefinition: some manifest's type is the one <see cref="ManagedRolloutDefinition"/> creates.</returns>
    public static async Task<(List<Manifest> Desired, Dictionary<ResourceKey, ClusterResourceType> Types, List<string> Errors, string? Unreadable, bool CreatesRolloutDefinition)> PrepareAsync(
        IClusterClient cluster, Application app, IReadOnlyList<Manifest> rendered, CancellationToken cancellationToken)
    {
        var desired = new List<Manifest>();
        var types = new Dictionary<ResourceKey, ClusterResourceType>();
        var errors = new List<string>();
        var createsRolloutDefinition = false;
        // One lookup per kind: a kind the cluster does not serve yet makes the adapter reload discovery on every miss.
        var served = new Dictionary<(string ApiVersion, string Kind), ClusterResourceType?>();
        foreach (var manifest in rendered)
        {
            if (!served.TryGetValue((manifest.ApiVersion, manifest.Kind), out var type))
            {
                var lookup = await cluster.FindTypeAsync(manifest.ApiVersion, manifest.Kind, cancellationToken);
                if (lookup.Unreadable is not null)
                {
                    return ([], [], [], lookup.Unreadable, false);
                }

                type = lookup.Type ?? DefinedInRender(rendered, manifest);
                if (type is null && ManagedRolloutDefinition.Serves(app, rendered, manifest))
                {
                    type = RolloutDefinition.Type;
                    createsRolloutDefinition = true;
                }

                served[(manifest.ApiVersion, manifest.Kind)] = type;
            }

            if (type is null && !MissingKind.MayWait(app, manifest))
            {
                errors.Add($"{manifest.Key}: the cluster serves no kind {manifest.Kind} in {manifest.ApiVersion}{ManagedRolloutDefinition.Hint(app, manifest)}");
                continue;
            }

            var json = (JsonObject)manifest.Json.DeepClone();
            var metadata = json["metadata"] as JsonObject ?? [];
            json["metadata"] = metadata;
            // A kind not served yet is taken as namespaced, as Argo CD takes an unknown kind.
            if ((type?.Namespaced ?? true) && string.IsNullOrEmpty(manifest.Namespace))
            {
                metadata["namespace"] = app.Destination.Namespace.Length > 0 ? app.Destination.Namespace : "default";
            }
            else if (type is { Namespaced: false })
            {
                metadata.Remove("namespace");
            }

            var ready = new Manifest(json);
            if (ready.Name.Length > 0)
            {
                AppTracking.Stamp(json, app.Name, ready.Key);
            }

            desired.Add(new Manifest(json));
            if (type is not null)
            {
                types[ready.Key] = type;
            }
        }

        return (desired, types, errors, null, createsRolloutDefinition);
    }

    /// <summary>A kind whose CustomResourceDefinition is in the same render: served once the CRD is applied.</summary>
    private static ClusterResourceType? DefinedInRender(IReadOnlyList<Manifest> rendered, Manifest manifest)
    {
        var crd = rendered.FirstOrDefault(m => m.Kind == "CustomResourceDefinition"
            && m.Json["spec"]?["group"]?.ToString() == manifest.Group
            && m.Json["spec"]?["names"]?["kind"]?.ToString() == manifest.Kind);
        var spec = crd?.Json["spec"];
        var version = manifest.ApiVersion.Split('/').Last();
        if (spec is null || !(spec["versions"] as JsonArray ?? []).Any(v => v?["name"]?.ToString() == version))
        {
            return null;
        }

        return new ClusterResourceType(manifest.Group, version, manifest.Kind, spec["names"]?["plural"]?.ToString() ?? "", spec["scope"]?.ToString() != "Cluster");
    }
}
