using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync;

namespace ServerlessDeploy.Core.Engine;

/// <summary>What a sync did to one resource, as Argo CD's result table shows it.</summary>
public sealed record ResourceResult(ResourceKey Key, SyncPhase Phase, int Wave, ResourceAction Action, bool Succeeded, string Message)
{
    public HealthResult? Health { get; init; }
}
