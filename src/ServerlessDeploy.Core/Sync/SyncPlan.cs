using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// What a sync will do, in order, as data: steps of (phase, wave), each split into kind groups. A plan with
/// <see cref="Errors"/> has no steps: nothing is applied or pruned until the manifests are fixed.
/// </summary>
/// <param name="Steps">PreSync, Sync and PostSync steps in the order they run.</param>
/// <param name="FailureSteps">SyncFail steps, run only when the sync failed.</param>
/// <param name="Skipped">Resources left alone, and why.</param>
/// <param name="Errors">Invalid annotations and manifests, each naming its resource.</param>
internal sealed record SyncPlan(
    IReadOnlyList<SyncStep> Steps, IReadOnlyList<SyncStep> FailureSteps, IReadOnlyList<SkippedResource> Skipped, IReadOnlyList<SyncPlanError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<SyncTask> Tasks => Steps.SelectMany(step => step.Tasks);

    public IEnumerable<SyncTask> FailureTasks => FailureSteps.SelectMany(step => step.Tasks);

    /// <summary>
    /// Plans a sync. <paramref name="desired"/> are the rendered manifests with their final namespace (empty for
    /// cluster-scoped kinds); <paramref name="liveTracked"/> are the live objects tracked as this application's,
    /// hooks left by earlier syncs included.
    /// </summary>
    public static SyncPlan Build(IReadOnlyList<Manifest> desired, IReadOnlyList<JsonObject> liveTracked, SyncPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(liveTracked);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.InSync);
        return SyncPlanBuilder.Build(desired, liveTracked, options);
    }

    /// <summary>
    /// The hooks to delete once the sync is over, as Argo CD decides it: after success those with HookSucceeded,
    /// after failure those with HookFailed (SyncFail hooks included). The executor deletes the ones it created.
    /// </summary>
    public IReadOnlyList<SyncTask> HooksToDeleteAfterSync(bool succeeded)
    {
        var ran = succeeded ? Tasks : Tasks.Concat(FailureTasks);
        return [.. ran.Where(task => task.DeleteAfterSync(succeeded))];
    }
}
