using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Runs a sync plan step by step (phase, wave): prunes, then kind groups in order with the resources of one group
/// applied concurrently, then waits for health before the next wave. The first failure stops the sync and runs the
/// SyncFail hooks; hooks are deleted as their policies say.
/// </summary>
internal sealed class SyncExecutor(IClusterClient cluster, TimeProvider time, int concurrency, LiveReads reads)
{
    public async Task<StepsOutcome> RunAsync(
        ApplicationComparison comparison, SyncPlan plan, IReadOnlySet<ResourceKey> inSync, SyncRequest request, string revision, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResult>();
        var hooks = new List<(SyncTask Task, ResourceKey Key)>();
        var runner = new TaskRunner(cluster, comparison, request.DryRun, reads, time);
        var startedAt = request.Resume?.StartedAt ?? time.GetUtcNow();
        var context = new StepContext(comparison, inSync, revision, startedAt, request);
        string? failure = null;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            if (i < request.Resume?.Step)
            {
                // Done in an earlier invocation: only its hooks are remembered, for their delete policies.
                hooks.AddRange(step.Tasks.Where(t => t.IsHook).Select(t => runner.Named(t, revision, startedAt)).Select(t => (t, t.Key)));
                continue;
            }

            var outcome = await RunStepAsync(runner, step, context, i == request.Resume?.Step, results, hooks, cancellationToken);
            if (outcome.OutOfTime)
            {
                // Neither failed nor finished: no SyncFail hooks, no hook deletion; the next invocation waits on.
                return new StepsOutcome(false, $"{step} is still progressing ({outcome.Problem}); the sync continues in the next invocation", results, new SyncResume(startedAt, i, step.ToString()));
            }

            failure = outcome.Problem;
            if (failure is not null)
            {
                break;
            }
        }

        if (failure is not null && !request.DryRun)
        {
            foreach (var step in plan.FailureSteps)
            {
                await RunStepAsync(runner, step, context, false, results, hooks, cancellationToken);
            }
        }

        if (!request.DryRun)
        {
            var finished = hooks.Where(h => h.Task.DeleteAfterSync(failure is null)).Select(h => (h.Task, h.Key)).ToList();
            await DeleteHooksAsync(finished, results, cancellationToken);
        }

        return new StepsOutcome(failure is null, failure ?? (request.DryRun ? "dry run: nothing was changed" : "successfully synced"), results, null);
    }

    /// <param name="resumed">The step was applied by an earlier invocation: its hooks exist already and are only waited on.</param>
    private async Task<(string? Problem, bool OutOfTime)> RunStepAsync(
        TaskRunner runner,
        SyncStep step,
        StepContext context,
        bool resumed,
        List<ResourceResult> results,
        List<(SyncTask Task, ResourceKey Key)> hooks,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.DryRun && !resumed)
        {
            await DeleteHooksAsync(step.HooksToDeleteBeforeCreation.Select(h => (h, new Manifest(h.Live!).Key)).ToList(), results, cancellationToken);
        }

        var applied = context.InSyncOf(step);
        foreach (var group in step.Groups)
        {
            var named = group.Tasks.Where(context.MustRun).Select(t => runner.Named(t, context.Revision, context.StartedAt)).ToList();
            var existingHooks = resumed ? named.Where(t => t.IsHook).ToList() : [];
            var tasks = named.Except(existingHooks).ToList();
            var outcomes = new (ResourceResult Result, ResourceKey Key)[tasks.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, token) => outcomes[i] = await runner.RunAsync(tasks[i], token));
            results.AddRange(outcomes.Select(o => o.Result));
            if (outcomes.FirstOrDefault(o => !o.Result.Succeeded).Result is { } failed)
            {
                return ($"{failed.Key}: {failed.Message}", false);
            }

            var done = tasks.Zip(outcomes.Select(o => o.Key), (task, key) => (Task: task, Key: key)).Concat(existingHooks.Select(h => (Task: h, h.Key))).ToList();
            hooks.AddRange(done.Where(p => p.Task.IsHook));
            foreach (var (task, key) in done.Where(p => !p.Task.IsPrune))
            {
                if (await cluster.FindTypeAsync(task.Manifest.ApiVersion, task.Kind, cancellationToken) is { } type)
                {
                    applied.Add((key, type));
                }
            }
        }

        if (request.DryRun || applied.Count == 0)
        {
            return (null, false);
        }

        var (problem, outOfTime) = await new HealthWaiter(cluster, time, reads).WaitAsync(applied, request.Timeout, request.StopBy, cancellationToken);
        return problem is null ? (null, false) : (outOfTime ? problem : $"{step.Phase} wave {step.Wave}: {problem}", outOfTime);
    }

    private async Task DeleteHooksAsync(IReadOnlyList<(SyncTask Hook, ResourceKey Key)> hooks, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        foreach (var (hook, key) in hooks)
        {
            if (await cluster.FindTypeAsync(hook.Manifest.ApiVersion, hook.Kind, cancellationToken) is not { } type)
            {
                continue;
            }

            reads.Writing();
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
