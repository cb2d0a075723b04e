namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>
/// Cuts a plan into cursor steps: per (phase, wave) its prune step (when it prunes), then a hook step (a wave of hooks
/// only) or an apply step, then a health gate.
/// </summary>
internal static class CursorSteps
{
    public static IReadOnlyList<CursorStep> Of(SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = new List<CursorStep>();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            if (step.Groups.Any(g => g.IsPrune))
            {
                steps.Add(new PruneStep(i, step.Phase, step.Wave));
            }

            var writes = step.Tasks.Where(t => !t.IsPrune).ToList();
            if (writes.Count > 0)
            {
                steps.Add(writes.All(t => t.IsHook) ? new HookStep(i, step.Phase, step.Wave) : new ApplyStep(i, step.Phase, step.Wave));
            }

            steps.Add(new HealthGateStep(i, step.Phase, step.Wave));
        }

        return steps;
    }

    /// <summary>The steps' shape as text, hashed into a cursor's plan digest with the manifests' digest.</summary>
    public static string Shape(IReadOnlyList<CursorStep> steps) => string.Join(";", steps.Select(s => s.Name));
}
