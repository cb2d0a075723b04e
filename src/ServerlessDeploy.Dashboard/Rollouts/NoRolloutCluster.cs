using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>The reads a host without cluster access gets: each Rollout says the dashboard cannot reach its cluster.</summary>
internal sealed class NoRolloutCluster : IRolloutReads
{
    public Task<IReadOnlyList<RolloutReading>> ReadAsync(string? applicationManifest, IReadOnlyList<RolloutName> rollouts, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RolloutReading>>([.. rollouts.Select(r => RolloutReading.Unread(r, "this dashboard has no access to the app's cluster"))]);
}
