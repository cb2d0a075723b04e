using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Tests.Sync;

/// <summary>A plan as one line per kind group ("Sync/0 apply Deployment: web"), so a test reads as the expected order.</summary>
internal static class PlanText
{
    public static string[] Lines(IEnumerable<SyncStep> steps) =>
        [.. steps.SelectMany(step => step.Groups.Select(group => $"{step} {group}"))];

    public static string[] Skipped(SyncPlan plan) => [.. plan.Skipped.Select(s => $"{s.Key.Kind} {s.Key.Name}: {s.Message}")];
}
