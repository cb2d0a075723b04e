using ServerlessDeploy.State.ReadModel;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>What a reader gets from every store: the fields only the read model needs, and the read model built over the read port.</summary>
public abstract partial class StateStoreContract
{
    [Fact]
    public async Task A_status_keeps_the_revision_author_and_message_and_the_waiting_sync_until_they_are_cleared()
    {
        var store = CreateStore();
        var state = Small(UniqueName("revision-info"));

        await store.PutAppAsync(state, Token);
        var read = await store.GetAppAsync(state.App, Token);
        Assert.Equal(state.RevisionInfo, read!.RevisionInfo);
        Assert.Equal(state.Waiting, read.Waiting);

        await store.PutAppAsync(state with { RevisionInfo = null, Waiting = null }, Token);
        read = await store.GetAppAsync(state.App, Token);
        Assert.Null(read!.RevisionInfo);
        Assert.Null(read.Waiting);
    }

    [Fact]
    public async Task A_status_keeps_the_compared_revision_and_the_last_dry_run_apart_from_the_operation()
    {
        var store = CreateStore();
        var dryRun = new DryRunRecord("89abcdef", false, "dry run at 89abcde: deployment.apps/web failed", Start.AddMinutes(5), Start.AddMinutes(6).AddTicks(3), "alice");
        var state = Small(UniqueName("compared")) with { ComparedRevision = "89abcdef", LastDryRun = dryRun };

        await store.PutAppAsync(state, Token);
        var read = await store.GetAppAsync(state.App, Token);
        var listed = (await store.ListAppsWithoutResourcesAsync(Token)).Single(app => app.App == state.App);

        Assert.Equal(("89abcdef", dryRun), (read?.ComparedRevision, read?.LastDryRun));
        Assert.Equal(("89abcdef", dryRun), (listed.ComparedRevision, listed.LastDryRun));
        Assert.Equal((state.Revision, state.Phase, state.Message), (read?.Revision, read?.Phase, read?.Message));
        Assert.Equal("89abcdef", (await new StateQueries(store).ListAsync(Token)).Single(app => app.Name == state.App).ComparedRevision);
    }

    [Fact]
    public async Task The_read_model_lists_apps_by_name_with_sync_health_revision_author_last_operation_and_images()
    {
        var store = CreateStore();
        var prefix = UniqueName("read-list");
        var shop = Small($"{prefix}-shop");
        var cart = Small($"{prefix}-cart") with { SyncStatus = SyncStatusCode.OutOfSync, Health = HealthCode.Degraded, Phase = OperationPhase.Failed, RevisionInfo = null };
        await store.PutAppAsync(shop, Token);
        await store.PutAppAsync(cart, Token);

        var listed = (await new StateQueries(store).ListAsync(Token)).Where(app => app.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal([cart.App, shop.App], listed.Select(app => app.Name));
        Assert.Equal((SyncStatusCode.OutOfSync, HealthCode.Degraded, OperationPhase.Failed, (RevisionInfo?)null), (listed[0].Sync, listed[0].Health, listed[0].LastOperation.Phase, listed[0].RevisionInfo));
        var summary = listed[1];
        Assert.Equal((shop.Revision, shop.RevisionInfo, shop.Health), (summary.Revision, summary.RevisionInfo, summary.Health));
        Assert.Equal(new OperationView(shop.Phase, shop.Message, shop.StartedAt, shop.FinishedAt, null), summary.LastOperation);
        Assert.Equal(shop.Images, summary.Images);
    }

    [Fact]
    public async Task Listing_apps_without_resources_gives_every_other_field_of_each_status()
    {
        var store = CreateStore();
        var prefix = UniqueName("heads");
        var big = Big($"{prefix}-big", "big") with { Manifest = """{"kind":"Application","spec":{"project":"shop"}}""" };
        var small = Small($"{prefix}-small");
        await store.PutAppAsync(big, Token);
        await store.PutAppAsync(small, Token);
        await store.PutAppAsync(small with { Message = "replaced" }, Token);

        var listed = (await CreateStore().ListAppsWithoutResourcesAsync(Token)).Where(app => app.App.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal([big.App, small.App], listed.Select(app => app.App));
        Assert.All(listed, app => Assert.Empty(app.Resources));
        StateAssert.Equal(big with { Resources = [] }, listed[0]);
        StateAssert.Equal(small with { Message = "replaced", Resources = [] }, listed[1]);
    }

    [Fact]
    public async Task The_read_model_shows_an_app_with_its_resources_history_operation_stages_and_waiting_sync()
    {
        var store = CreateStore();
        var state = Small(UniqueName("read-detail"));
        await store.PutAppAsync(state, Token);
        await store.AppendHistoryAsync(state.App, History("first"), Token);
        await store.AppendHistoryAsync(state.App, History("second"), Token);

        var detail = await new StateQueries(store).GetAsync(state.App, Token);

        Assert.NotNull(detail);
        Assert.Equal(state.App, detail.Summary.Name);
        Assert.Equal(state.Stages!.Steps, detail.Summary.LastOperation.Stages!.Steps);
        Assert.Equal(state.ImageOverrides, detail.ImageOverrides);
        var web = detail.Resources[0];
        Assert.Equal(
            ("Deployment", "web", ResourceResultCode.Configured, HealthCode.Progressing, state.Resources[0].HealthMessage),
            (web.Kind, web.Name, web.Status, web.Health, web.HealthMessage));
        Assert.Null(detail.Resources[1].Health);
        Assert.Equal(["second", "first"], detail.History.Select(entry => entry.Revision));
        Assert.Equal(state.Waiting, detail.Waiting);
        Assert.Equal(state.FailedNotice, detail.FailedNotice);
        Assert.Null(await new StateQueries(store).GetAsync(UniqueName("never-recorded"), Token));
    }

    [Fact]
    public async Task Each_port_of_a_store_reaches_the_same_records()
    {
        var store = CreateStore();
        var app = UniqueName("ports");
        var now = Clock.GetUtcNow();
        IStateWrites writes = store;
        IStateReads reads = CreateStore();
        ILeases leases = store;
        IIdempotencyMarks marks = store;

        await writes.PutAppAsync(Small(app), Token);
        var entry = await writes.AppendHistoryAsync(app, History("via-port"), Token);
        Assert.True(await leases.TryAcquireLeaseAsync(app, "reader-test", now.AddMinutes(1), now, Token));
        Assert.True(await marks.TryMarkDoneAsync(app, now.AddMinutes(1), Token));

        StateAssert.Equal(Small(app), await reads.GetAppAsync(app, Token));
        StateAssert.Equal(entry, Assert.Single(await reads.HistoryAsync(app, Token)));
        Assert.Equal("reader-test", (await CreateStore().GetLeaseAsync(app, now, Token))?.Owner);
        Assert.True(await CreateStore().IsDoneAsync(app, now, Token));
    }
}
