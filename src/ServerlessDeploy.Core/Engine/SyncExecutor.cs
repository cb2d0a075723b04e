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
        ApplicationComparison comparison, SyncPlan plan, SyncRequest request, string revision, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResult>();
        var hooks = new List<(SyncTask Task, ResourceKey Key)>();
        var runner = new TaskRunner(cluster, comparison, request.DryRun);
        var startedAt = time.GetUtcNow();
        string? failure = null;
        foreach (var step in plan.Steps)
        {
            failure = await RunStepAsync(runner, step, revision, startedAt, request, results, hooks, cancellationToken);
            if (failure is not null)
            {
                break;
            }
        }

        if (failure is not null && !request.DryRun)
        {
            foreach (var step in plan.FailureSteps)
            {
                await RunStepAsync(runner, step, revision, startedAt, request, results, hooks, cancellationToken);
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
        string revision,
        DateTimeOffset startedAt,
        SyncRequest request,
        List<ResourceResult> results,
        List<(SyncTask Task, ResourceKey Key)> hooks,
        CancellationToken cancellationToken)
    {
        if (!request.DryRun)
        {
            await DeleteHooksAsync(step.HooksToDeleteBeforeCreation.Select(h => (h, new Manifest(h.Live!).Key)).ToList(), results, cancellationToken);
        }

        var applied = new List<(ResourceKey, ClusterResourceType)>();
        foreach (var group in step.Groups)
        {
            var tasks = group.Tasks.Select(t => runner.Named(t, revision, startedAt)).ToList();
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
}
