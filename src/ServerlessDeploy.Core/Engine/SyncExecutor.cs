using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Runs a sync plan step by step (phase, wave): prunes, then kind groups in order with the resources of one group
/// applied concurrently, then waits for health before the next wave. The first failure stops the sync and runs the
/// SyncFail hooks; hooks are deleted as their policies say.
/// </summary>
internal sealed class SyncExecutor(IClusterClient cluster, TimeProvider time, int concurrency)
{
    public async Task<(bool Succeeded, string Message, List<ResourceResult> Results)> RunAsync(
        ApplicationComparison comparison, SyncPlan plan, IReadOnlySet<ResourceKey> inSync, SyncRequest request, string revision, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResult>();
        var hooks = new List<(SyncTask Task, ResourceKey Key)>();
        var runner = new TaskRunner(cluster, comparison, request.DryRun);
        var startedAt = time.GetUtcNow();
        string? failure = null;
        foreach (var step in plan.Steps)
        {
            failure = await RunStepAsync(runner, step, new StepContext(comparison, inSync, revision, startedAt, request), results, hooks, cancellationToken);
            if (failure is not null)
            {
                break;
            }
        }

        if (failure is not null && !request.DryRun)
        {
            foreach (var step in plan.FailureSteps)
            {
                await RunStepAsync(runner, step, new StepContext(comparison, inSync, revision, startedAt, request), results, hooks, cancellationToken);
            }
        }

        if (!request.DryRun)
        {
            var finished = hooks.Where(h => h.Task.DeleteAfterSync(failure is null)).Select(h => (h.Task, h.Key)).ToList();
            await DeleteHooksAsync(finished, results, cancellationToken);
        }

        return (failure is null, failure ?? (request.DryRun ? "dry run: nothing was changed" : "successfully synced"), results);
    }

    private async Task<string?> RunStepAsync(
        TaskRunner runner,
        SyncStep step,
        StepContext context,
        List<ResourceResult> results,
        List<(SyncTask Task, ResourceKey Key)> hooks,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.DryRun)
        {
            await DeleteHooksAsync(step.HooksToDeleteBeforeCreation.Select(h => (h, new Manifest(h.Live!).Key)).ToList(), results, cancellationToken);
        }

        var applied = context.InSyncOf(step);
        foreach (var group in step.Groups)
        {
            var tasks = group.Tasks.Where(context.MustRun).Select(t => runner.Named(t, context.Revision, context.StartedAt)).ToList();
            var outcomes = new (ResourceResult Result, ResourceKey Key)[tasks.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, token) => outcomes[i] = await runner.RunAsync(tasks[i], token));
            results.AddRange(outcomes.Select(o => o.Result));
            if (outcomes.FirstOrDefault(o => !o.Result.Succeeded).Result is { } failed)
            {
                return $"{failed.Key}: {failed.Message}";
            }

            hooks.AddRange(tasks.Zip(outcomes).Where(p => p.First.IsHook).Select(p => (p.First, p.Second.Key)));
            foreach (var (task, outcome) in tasks.Zip(outcomes).Where(p => !p.First.IsPrune))
            {
                if (await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken) is { } type)
                {
                    applied.Add((outcome.Key, type));
                }
            }
        }

        return request.DryRun || applied.Count == 0
            ? null
            : await new HealthWaiter(cluster, time).WaitAsync(applied, request.Timeout, cancellationToken) is { } unhealthy
                ? $"{step.Phase} wave {step.Wave}: {unhealthy}"
                : null;
    }

    private async Task DeleteHooksAsync(IReadOnlyList<(SyncTask Hook, ResourceKey Key)> hooks, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        foreach (var (hook, key) in hooks)
        {
            if (await cluster.FindTypeAsync(hook.Manifest.ApiVersion, hook.Kind, cancellationToken) is not { } type)
            {
                continue;
            }

            var response = await cluster.DeleteAsync(type, key.Namespace, key.Name, "Background", cancellationToken);
            if (response.Succeeded)
            {
                results.Add(new ResourceResult(key, hook.Phase, hook.Wave, "hook deleted", true, ""));
            }
        }
    }

    /// <summary>What every step of one sync shares: the comparison, the resources already in sync, the revision and start time.</summary>
    private sealed record StepContext(ApplicationComparison Comparison, IReadOnlySet<ResourceKey> InSync, string Revision, DateTimeOffset StartedAt, SyncRequest Request)
    {
        /// <summary>Hooks and prunes always run; a resource already in sync is not applied again.</summary>
        public bool MustRun(SyncTask task) => task.IsHook || task.IsPrune || !InSync.Contains(task.Key);

        /// <summary>The in-sync resources of a step: not applied, but their health still gates the next wave.</summary>
        public List<(ResourceKey, ClusterResourceType)> InSyncOf(SyncStep step) =>
            step.Tasks.Where(t => !MustRun(t) && Comparison.Types.ContainsKey(t.Key)).Select(t => (t.Key, Comparison.Types[t.Key])).ToList();
    }
}
