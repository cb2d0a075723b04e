using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>
/// Runs a wave's groups, prune groups or the others (applies, replaces, hook creation), each group's tasks
/// concurrently. A step run again after a crash (<paramref name="again"/>) finds the hooks it created by their names.
/// </summary>
internal sealed class WriteStepRunner(TaskRunner runner, int concurrency)
{
    public async Task<StepOutcome> RunAsync(
        SyncStep step, bool prunes, bool again, StepContext context, List<ResourceResult> results, CancellationToken cancellationToken)
    {
        foreach (var group in step.Groups.Where(g => g.IsPrune == prunes))
        {
            var tasks = group.Tasks.Where(t => t.Writes).Select(t => runner.Named(t, context.Revision, context.StartedAt)).ToList();
            var outcomes = new (ResourceResult Result, ResourceKey Key)[tasks.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, token) => outcomes[i] = await runner.RunAsync(tasks[i], again, token));
            results.AddRange(outcomes.Select(o => o.Result));
            if (outcomes.FirstOrDefault(o => !o.Result.Succeeded).Result is { } failed)
            {
                return StepOutcome.Failed($"{failed.Key}: {failed.Message}");
            }
        }

        return StepOutcome.Done;
    }
}
