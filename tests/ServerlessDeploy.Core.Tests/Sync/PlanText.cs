using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Tests.Sync;

/// <summary>A plan as one line per kind group ("Sync/0 apply Deployment: web"), so a test reads as the expected order.</summary>
internal static class PlanText
{
    /// <summary>What the plan writes: in-sync resources (ApplyOutOfSyncOnly) are left out, and so is a group with nothing to write.</summary>
    public static string[] Lines(IEnumerable<SyncStep> steps) =>
        [.. steps.SelectMany(step => step.Groups
            .Where(group => group.Tasks.Any(t => t.Writes))
            .Select(group => $"{step} {(group.IsPrune ? "prune" : "apply")} {group.Kind}: {string.Join(", ", group.Tasks.Where(t => t.Writes).Select(t => t.Name))}"))];

    public static string[] Skipped(SyncPlan plan) => [.. plan.Skipped.Select(s => $"{s.Key.Kind} {s.Key.Name}: {s.Message}")];
}
