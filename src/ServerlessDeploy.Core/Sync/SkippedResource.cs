using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>A resource left alone by the plan, with Argo CD's wording for why ("ignored (requires pruning)").</summary>
internal sealed record SkippedResource(ResourceKey Key, SkipReason Reason, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
