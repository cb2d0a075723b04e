using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Apps;

/// <summary>250 apps of project shop (one in five OutOfSync) and 10 of project other: three pages of shop.</summary>
public sealed class LargeFleet : IAsyncLifetime
{
    public DashboardFactory Dashboard { get; } = new();

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 250; i++)
        {
            var sync = i % 5 == 0 ? SyncStatusCode.OutOfSync : SyncStatusCode.Synced;
            await Dashboard.Store.PutAppAsync(Fleet.App($"shop-{i:D3}", sync, HealthCode.Healthy, "shop", Fleet.InCluster, "shop", [Fleet.Config], ("team", "shop")), CancellationToken.None);
        }

        for (var i = 0; i < 10; i++)
        {
            await Dashboard.Store.PutAppAsync(Fleet.App($"other-{i}", SyncStatusCode.Synced, HealthCode.Healthy, "other", "prod-eu", "other", [Fleet.Config]), CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await Dashboard.DisposeAsync();
}
