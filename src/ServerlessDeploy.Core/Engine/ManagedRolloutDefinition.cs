using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// CreateRolloutCRD (on unless the Application says <c>CreateRolloutCRD=false</c>): an application with Rollouts, on a
/// cluster that serves no argoproj.io/v1alpha1 Rollout, and whose render brings no definition of its own, gets the
/// project's <see cref="RolloutDefinition"/> applied before anything else is written. A definition the cluster has by
/// then (Argo Rollouts installed meanwhile) is left alone. It is written without tracking: it is not the application's,
/// so it is never drift and never pruned.
/// </summary>
internal static class ManagedRolloutDefinition
{
    // A real API server serves a new CRD once it is Established, usually well within a second.
    private const int Looks = 20;
    private static readonly TimeSpan BetweenLooks = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the sync creates the definition for this manifest, whose kind the cluster does not serve.</summary>
    public static bool Serves(Application app, IReadOnlyList<Manifest> rendered, Manifest manifest) =>
        app.SyncPolicy.Options.CreateRolloutCRD && RolloutDefinition.Serves(manifest) && !rendered.Any(RolloutDefinition.IsNamedLikeIt);

    /// <summary>What the missing-kind error adds for a Rollout when the option is off.</summary>
    public static string Hint(Application app, Manifest manifest) =>
        !app.SyncPolicy.Options.CreateRolloutCRD && RolloutDefinition.Serves(manifest)
            ? " (CreateRolloutCRD=false: the sync does not create the Rollout definition; install Argo Rollouts' CRD or drop the option)"
            : "";

    /// <returns>Why the definition could not be put in place, or null once the cluster serves Rollouts (or already had a definition).</returns>
    public static async Task<string?> EnsureAsync(IClusterClient cluster, LiveReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        var lookup = await cluster.FindTypeAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition", cancellationToken);
        if (lookup.Unreadable is not null)
        {
            return lookup.Unreadable;
        }

        if (lookup.Type is not { } type)
        {
            return $"the cluster serves no CustomResourceDefinition kind, so the Rollout definition {RolloutDefinition.Name} cannot be created (nothing was applied)";
        }

        var existing = await cluster.GetAsync(type, "", RolloutDefinition.Name, cancellationToken);
        if (existing.Succeeded)
        {
            return null;
        }

        if (!existing.NotFound)
        {
            return $"reading customresourcedefinition {RolloutDefinition.Name} failed (nothing was applied): {existing}";
        }

        reads.Writing();
        var response = await cluster.ApplyAsync(type, RolloutDefinition.Create(), new ApplyOptions(), cancellationToken);
        return response.Succeeded
            ? await ServedAsync(cluster, time, cancellationToken)
            : $"creating the Rollout definition {RolloutDefinition.Name} failed (nothing else was applied): {response.Message ?? response.ToString()}";
    }

    /// <summary>Null once discovery shows the new type; a failure when it never does within the looks.</summary>
    private static async Task<string?> ServedAsync(IClusterClient cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var look = 1; ; look++)
        {
            var served = await cluster.FindTypeAsync(RolloutDefinition.Type.ApiVersion, RolloutDefinition.Type.Kind, cancellationToken);
            if (served.Unreadable is not null)
            {
                return served.Unreadable;
            }

            if (served.Type is not null)
            {
                return null;
            }

            if (look == Looks)
            {
                return $"the Rollout definition {RolloutDefinition.Name} was created, but the cluster did not serve {RolloutDefinition.Type.Kind} in {RolloutDefinition.Type.ApiVersion} within {(BetweenLooks * (Looks - 1)).TotalSeconds:0}s (nothing else was applied)";
            }

            await Task.Delay(BetweenLooks, time, cancellationToken);
        }
    }
}
