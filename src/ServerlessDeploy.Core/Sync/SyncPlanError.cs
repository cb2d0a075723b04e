using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// Why a plan could not be made: one resource and what is wrong with it (an invalid annotation, a duplicate, a
/// missing name). A plan with errors has no steps, so nothing is applied or pruned.
/// </summary>
/// <param name="Key">The resource; for a hook with only <c>generateName</c>, the name is that prefix.</param>
internal sealed record SyncPlanError(ResourceKey Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
