using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>A manual sync's choices (Argo CD's sync dialog), carried into the engine's request and the Application's options.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// The Application with the sync's options over its own, or the problem naming each option or resource that cannot
    /// be carried out (nothing is synced then).
    /// </summary>
    private static (Application Application, string? Problem) Chosen(Application app, SyncChoices? choices)
    {
        if (choices is null)
        {
            return (app, null);
        }

        var read = SyncOptionsOverride.Of(app.SyncPolicy.Options, choices.Options);
        var badKeys = choices.SelectedResources.Where(r => ResourceKeyText.Parse(r) is null).Select(r => $"resources: \"{r}\" is not group/kind/namespace/name");
        var problems = read.Problems.Concat(badKeys).ToList();
        return problems.Count > 0
            ? (app, $"the sync was refused, nothing was changed: {string.Join("; ", problems)}")
            : (app with { SyncPolicy = app.SyncPolicy with { Options = read.Options } }, null);
    }

    /// <summary>The engine's request with the choices: prune on when asked (the automated policy's prune stays), the rest as Argo CD's flags.</summary>
    private static SyncRequest Chosen(SyncRequest request, SyncChoices? choices) => choices is null
        ? request
        : request with
        {
            Prune = request.Prune || choices.Prune,
            DryRun = choices.DryRun,
            SkipHooks = choices.ApplyOnly,
            Force = choices.Force,
            Selected = choices.SelectedResources.Count == 0
                ? null
                : choices.SelectedResources.Select(ResourceKeyText.Parse).OfType<ResourceKey>().ToHashSet(),
        };
}
