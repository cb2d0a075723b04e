using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;

namespace ServerlessDeploy.Core.Fleet;

/// <summary>
/// What a comparison against a <see cref="ClusterSnapshot"/> cannot settle: the rendered resources (hooks aside) it
/// found no tracked object for. Each may be gone (deleted by hand), new in Git, or there but untracked or another
/// app's; only a read of the object itself tells, which the per-app path makes.
/// </summary>
public static class SnapshotGaps
{
    public static IReadOnlyList<ResourceKey> Of(ApplicationComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Desired.Where(m => !HookAnnotation.IsHook(m) && !comparison.Live.ContainsKey(m.Key)).Select(m => m.Key).ToList();
    }
}
