using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Engine.Steps;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// Runs a sync's cursor from the step it is at: each step is marked running, carried out by the runner of its kind,
/// and marked done, the cursor saved after each change. It stops when the cursor finishes, fails (then the SyncFail
/// hooks run), must wait (a health gate past the host's stop time, a wait-until), or was superseded. Hooks are
/// deleted as their policies say once the sync is over.
/// </summary>
internal sealed class SyncExecutor(IClusterClient cluster, TimeProvider time, int concurrency, LiveReads reads)
{
    public async Task<StepsOutcome> RunAsync(
        ApplicationComparison comparison, SyncPlan plan, SyncRequest request, SyncCursor cursor, CancellationToken cancellationToken)
    {
        var results = new List<ResourceResult>();
        var runner = new TaskRunner(cluster, comparison, request.DryRun, reads, time);
        var context = new StepContext(comparison, cursor.Revision, cursor.StartedAt, request) { Rollouts = new RolloutGate(cluster, time) };
        var save = new CursorSaver(request);
        string? failure = null;
        while (cursor.Current is { } step)
        {
            var started = time.GetUtcNow();
            var again = step.State == StepState.Running;
            var running = step with { State = StepState.Running, StartedAt = step.StartedAt ?? started };
            cursor = cursor.WithCurrent(running, started) with { Status = CursorStatus.Running, Wait = null };
            if (!await save.Async(cursor, cancellationToken))
            {
                return Superseded(cursor, results);
            }

            var outcome = await RunStepAsync(running, PlanStepOf(plan, step), again, runner, context, results, cancellationToken);
            var now = time.GetUtcNow();
            if (outcome.IsWaiting)
            {
                cursor = cursor.WithCurrent(running with { State = StepState.Waiting }, now) with { Status = CursorStatus.Waiting, Wait = outcome.Wait, Message = outcome.Wait.Reason };
                return await save.Async(cursor, cancellationToken) ? new StepsOutcome(false, $"{running.Name}: {outcome.Wait.Reason}", results, cursor) { Rollouts = context.Rollouts.Drives } : Superseded(cursor, results);
            }

            if (outcome.Kind == StepOutcomeKind.Failed)
            {
                failure = outcome.Problem;
                break;
            }

            cursor = cursor.WithCurrent(running with { State = StepState.Done, EndedAt = now }, now) with { Position = cursor.Position + 1 };
            if (!await save.Async(cursor, cancellationToken))
            {
                return Superseded(cursor, results);
            }
        }

        if (failure is not null && !request.DryRun)
        {
            await RunFailureStepsAsync(plan, runner, context, results, cancellationToken);
        }

        if (!request.DryRun)
        {
            await DeleteFinishedHooksAsync(plan, cursor, failure is null, runner, context, results, cancellationToken);
        }

        var message = failure ?? (request.DryRun ? "dry run: nothing was changed" : "successfully synced");
        var ended = time.GetUtcNow();
        cursor = cursor with { Status = failure is null ? CursorStatus.Succeeded : CursorStatus.Failed, Message = message, Version = cursor.Version + 1, UpdatedAt = ended };
        await save.Async(cursor, cancellationToken);
        return new StepsOutcome(failure is null, message, results, cursor) { Rollouts = context.Rollouts.Drives };
    }

    private async Task<StepOutcome> RunStepAsync(
        CursorStep step, SyncStep? planStep, bool again, TaskRunner runner, StepContext context, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        if (step is WaitUntilStep wait)
        {
            return time.GetUtcNow() >= wait.Until || context.Request.DryRun
                ? StepOutcome.Done
                : StepOutcome.Waiting(new CursorWait($"waiting until {wait.Until:O}", wait.Until, null));
        }

        // A (phase, wave) the plan no longer has (its prunes are done, say) has nothing left to do.
        if (planStep is null)
        {
            return StepOutcome.Done;
        }

        switch (step)
        {
            case PruneStep:
                return await new WriteStepRunner(runner, concurrency).RunAsync(planStep, prunes: true, again, context, results, cancellationToken);
            case HookStep or ApplyStep:
                if (!context.Request.DryRun && !again)
                {
                    await DeleteHooksAsync(WithLiveKeys(planStep.HooksToDeleteBeforeCreation), results, cancellationToken);
                }

                return await new WriteStepRunner(runner, concurrency).RunAsync(planStep, prunes: false, again, context, results, cancellationToken);
            case HealthGateStep:
                return await new HealthGateRunner(cluster, time, reads, runner, context.Rollouts).RunAsync(planStep, step.StartedAt ?? time.GetUtcNow(), context, cancellationToken);
            default:
                throw new InvalidOperationException($"no runner for cursor step {step.GetType().Name}");
        }
    }

    /// <summary>The SyncFail hooks: written and waited for; a wait past the host's stop time is not kept.</summary>
    private async Task RunFailureStepsAsync(SyncPlan plan, TaskRunner runner, StepContext context, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        foreach (var step in plan.FailureSteps)
        {
            await DeleteHooksAsync(WithLiveKeys(step.HooksToDeleteBeforeCreation), results, cancellationToken);
            var written = await new WriteStepRunner(runner, concurrency).RunAsync(step, prunes: false, again: false, context, results, cancellationToken);
            if (written.Kind == StepOutcomeKind.Done)
            {
                await new HealthGateRunner(cluster, time, reads, runner, context.Rollouts).RunAsync(step, time.GetUtcNow(), context with { Request = context.Request with { StopBy = null } }, cancellationToken);
            }
        }
    }

    /// <summary>The hooks of the steps that ran (created in this invocation or an earlier one), deleted as their policies say.</summary>
    private async Task DeleteFinishedHooksAsync(
        SyncPlan plan, SyncCursor cursor, bool succeeded, TaskRunner runner, StepContext context, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        var ran = cursor.Steps.Where(s => s is HookStep or ApplyStep && s.State != StepState.Pending).Select(s => (s.Phase, s.Wave)).ToHashSet();
        var steps = plan.Steps.Where(s => ran.Contains((s.Phase, s.Wave))).Concat(succeeded ? [] : plan.FailureSteps);
        var hooks = steps.SelectMany(s => s.Tasks).Where(t => t.IsHook && t.DeleteAfterSync(succeeded))
            .Select(t => runner.Named(t, context.Revision, context.StartedAt)).Select(t => (t, t.Key)).ToList();
        await DeleteHooksAsync(hooks, results, cancellationToken);
    }

    /// <summary>Each hook to delete before creation, with the key of the live object it deletes.</summary>
    private static List<(SyncTask Hook, ResourceKey Key)> WithLiveKeys(IEnumerable<SyncTask> hooks)
    {
        var keyed = new List<(SyncTask Hook, ResourceKey Key)>();
        foreach (var hook in hooks)
        {
            if (hook.DeleteBeforeCreation)
            {
                keyed.Add((hook, new Manifest(hook.Live).Key));
            }
        }

        return keyed;
    }

    private async Task DeleteHooksAsync(IReadOnlyList<(SyncTask Hook, ResourceKey Key)> hooks, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        foreach (var (hook, key) in hooks)
        {
            // A hook whose kind is not served, or cannot be looked up now, is left where it is, as a failed delete is.
            if ((await cluster.FindTypeAsync(hook.Manifest.ApiVersion, hook.Kind, cancellationToken)).Type is not { } type)
            {
                continue;
            }

            reads.Writing();
            var response = await cluster.DeleteAsync(type, key.Namespace, key.Name, "Background", cancellationToken);
            if (response.Succeeded)
            {
                results.Add(new ResourceResult(key, hook.Phase, hook.Wave, ResourceAction.HookDeleted, true, ""));
            }
        }
    }

    private static SyncStep? PlanStepOf(SyncPlan plan, CursorStep step) =>
        plan.Steps.FirstOrDefault(s => s.Phase == step.Phase && s.Wave == step.Wave);

    private static StepsOutcome Superseded(SyncCursor cursor, List<ResourceResult> results) =>
        new(false, "a newer deployment of the app superseded this sync; it stopped", results, cursor with { Status = CursorStatus.Superseded });

    /// <summary>Saves through the request's checkpoint; a dry run or a sync without one (the CLI) keeps its cursor in memory.</summary>
    private sealed class CursorSaver(SyncRequest request)
    {
        public async Task<bool> Async(SyncCursor cursor, CancellationToken cancellationToken) =>
            request.DryRun || request.Checkpoint is null || await request.Checkpoint.SaveAsync(cursor, cancellationToken);
    }
}
