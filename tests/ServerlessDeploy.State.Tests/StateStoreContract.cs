using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>
/// The behaviour <see cref="IStateStore"/> promises, port by port (with <see cref="ISyncCursors"/> in StateStoreContract.Cursors.cs and the read model in StateStoreContract.ReadModel.cs), run against every store. Each test uses names of its own, so the
/// tests of one store may share its table or folder.
/// </summary>
public abstract partial class StateStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(Start);

    protected static CancellationToken Token => CancellationToken.None;

    /// <summary>A store on the shared table or folder; several instances stand for several processes.</summary>
    protected abstract IStateStore CreateStore();

    /// <summary>How many stored items or rows hold the app's status (leftover parts of an earlier write count).</summary>
    protected abstract Task<int> StatusItemCountAsync(string app);

    [Fact]
    public async Task An_unknown_app_has_no_status_history_or_lease()
    {
        var store = CreateStore();
        var app = UniqueName("unknown");

        Assert.Null(await store.GetAppAsync(app, Token));
        Assert.Empty(await store.HistoryAsync(app, Token));
        Assert.Null(await store.GetLeaseAsync(app, Clock.GetUtcNow(), Token));
    }

    [Fact]
    public async Task A_status_round_trips_with_its_progress_image_overrides_and_failed_notice()
    {
        var store = CreateStore();
        var state = Small(UniqueName("round-trip"));

        await store.PutAppAsync(state, Token);

        var read = await store.GetAppAsync(state.App, Token);
        StateAssert.Equal(state, read);
        Assert.Equal(state.FailedNotice, read!.FailedNotice);
        Assert.Equal(2, read.Stages!.Steps.Count);
        Assert.Equal("web=registry.example/shop/web:1.4.3", Assert.Single(read.ImageOverrides));
    }

    [Fact]
    public async Task A_status_bigger_than_a_DynamoDB_item_is_stored_and_read_whole()
    {
        var store = CreateStore();
        var state = Big(UniqueName("big"), "big-revision");
        Assert.True(state.Resources.Sum(resource => resource.Message.Length) > 400 * 1024);

        await store.PutAppAsync(state, Token);

        StateAssert.Equal(state, await store.GetAppAsync(state.App, Token));
    }

    [Fact]
    public async Task Overwriting_a_big_status_with_a_small_one_and_back_leaves_no_parts_behind()
    {
        var store = CreateStore();
        var app = UniqueName("shrink");
        var big = Big(app, "first-big");
        var small = Small(app, "small");
        var bigAgain = Big(app, "second-big");

        await store.PutAppAsync(big, Token);
        await store.PutAppAsync(small, Token);
        StateAssert.Equal(small, await store.GetAppAsync(app, Token));
        Assert.Equal(1, await StatusItemCountAsync(app));

        await store.PutAppAsync(bigAgain, Token);
        StateAssert.Equal(bigAgain, await store.GetAppAsync(app, Token));
        await store.PutAppAsync(small, Token);
        Assert.Equal(1, await StatusItemCountAsync(app));

        var listed = (await store.ListAppsAsync(Token)).Where(state => state.App == app).ToList();
        StateAssert.Equal(small, Assert.Single(listed));
    }

    [Fact]
    public async Task List_returns_every_app_once_by_name_with_big_statuses_whole()
    {
        var store = CreateStore();
        var prefix = UniqueName("list");
        var states = new[] { Small($"{prefix}-c"), Big($"{prefix}-a", "big"), Small($"{prefix}-b") };
        foreach (var state in states)
        {
            await store.PutAppAsync(state, Token);
        }

        await store.PutAppAsync(states[0] with { Message = "written twice" }, Token);

        var listed = (await store.ListAppsAsync(Token)).Where(state => state.App.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { $"{prefix}-a", $"{prefix}-b", $"{prefix}-c" }, listed.Select(state => state.App));
        StateAssert.Equal(states[1], listed[0]);
        StateAssert.Equal(states[2], listed[1]);
        Assert.Equal("written twice", listed[2].Message);
    }

    [Fact]
    public async Task Only_apps_with_a_status_are_listed_from_their_first_status_write_on()
    {
        var store = CreateStore();
        var app = UniqueName("listed");
        var now = Clock.GetUtcNow();
        await store.AppendHistoryAsync(app, History("before-status"), Token);
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(5), now, Token));
        Assert.DoesNotContain(await store.ListAppsAsync(Token), state => state.App == app);

        var state = Small(app);
        await CreateStore().PutAppAsync(state, Token);

        StateAssert.Equal(state, Assert.Single(await store.ListAppsAsync(Token), listed => listed.App == app));
    }

    [Fact]
    public async Task A_reader_sees_one_whole_write_while_another_process_overwrites_the_status()
    {
        var app = UniqueName("torn");
        var writes = new[] { Big(app, "revision-a"), Big(app, "revision-b") }.ToDictionary(state => state.Revision!);
        var writer = CreateStore();
        await writer.PutAppAsync(writes["revision-a"], Token);

        var writing = Task.Run(async () =>
        {
            for (var round = 0; round < 6; round++)
            {
                await writer.PutAppAsync(writes[round % 2 == 0 ? "revision-b" : "revision-a"], Token);
            }
        });
        var reader = CreateStore();
        var reads = 0;
        while (!writing.IsCompleted || reads == 0)
        {
            var read = await reader.GetAppAsync(app, Token);
            StateAssert.Equal(writes[read!.Revision!], read);
            reads++;
        }

        await writing;
        StateAssert.Equal(writes["revision-a"], await reader.GetAppAsync(app, Token));
    }

    [Fact]
    public async Task History_ids_increase_newest_first_and_only_the_last_ten_are_kept()
    {
        var store = CreateStore();
        var app = UniqueName("history");

        var stored = new List<HistoryEntry>();
        for (var index = 1; index <= 13; index++)
        {
            stored.Add(await store.AppendHistoryAsync(app, History($"rev-{index}"), Token));
        }

        Assert.Equal(Enumerable.Range(1, 13).Select(id => (long)id), stored.Select(entry => entry.Id));
        var history = await store.HistoryAsync(app, Token);
        Assert.Equal(Enumerable.Range(4, 10).Reverse().Select(id => (long)id), history.Select(entry => entry.Id));
        StateAssert.Equal(stored[^1], history[0]);
        Assert.Equal("rev-13", history[0].Revision);
    }

    [Fact]
    public async Task History_ids_are_never_reused_and_each_app_counts_on_its_own()
    {
        var store = CreateStore();
        var app = UniqueName("ids");
        var other = UniqueName("ids-other");

        var appended = await Task.WhenAll(Enumerable.Range(1, 15)
            .Select(index => CreateStore().AppendHistoryAsync(app, History($"rev-{index}"), Token)));
        var first = await store.AppendHistoryAsync(other, History("other"), Token);

        Assert.Equal(Enumerable.Range(1, 15).Select(id => (long)id), appended.Select(entry => entry.Id).Order());
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(id => (long)id), (await store.HistoryAsync(app, Token)).Select(entry => entry.Id));
        Assert.Equal(16, (await store.AppendHistoryAsync(app, History("next"), Token)).Id);
        Assert.Equal(1, first.Id);
        Assert.Equal(1L, Assert.Single(await store.HistoryAsync(other, Token)).Id);
    }

    [Fact]
    public async Task A_held_lease_refuses_a_second_owner_and_is_renewed_by_its_holder()
    {
        var store = CreateStore();
        var app = UniqueName("lease");
        var now = Clock.GetUtcNow();

        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(5), now, Token));
        Assert.False(await store.TryAcquireLeaseAsync(app, "deployer-2", now.AddMinutes(5), now.AddMinutes(1), Token));
        Assert.Equal(new Lease(app, "deployer-1", now.AddMinutes(5)), await store.GetLeaseAsync(app, now.AddMinutes(1), Token));

        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(9), now.AddMinutes(2), Token));
        Assert.Equal(new Lease(app, "deployer-1", now.AddMinutes(9)), await store.GetLeaseAsync(app, now.AddMinutes(6), Token));
        Assert.False(await store.TryAcquireLeaseAsync(app, "deployer-2", now.AddMinutes(10), now.AddMinutes(6), Token));
    }

    [Fact]
    public async Task An_expired_lease_is_free_and_taken_over()
    {
        var store = CreateStore();
        var app = UniqueName("expired-lease");
        var now = Clock.GetUtcNow();
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(5), now, Token));

        Assert.Null(await store.GetLeaseAsync(app, now.AddMinutes(5), Token));
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-2", now.AddMinutes(10), now.AddMinutes(5), Token));
        Assert.Equal(new Lease(app, "deployer-2", now.AddMinutes(10)), await store.GetLeaseAsync(app, now.AddMinutes(6), Token));
    }

    [Fact]
    public async Task Only_the_holder_releases_a_lease()
    {
        var store = CreateStore();
        var app = UniqueName("release");
        var now = Clock.GetUtcNow();
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-1", now.AddMinutes(5), now, Token));

        await store.ReleaseLeaseAsync(app, "deployer-2", Token);
        Assert.Equal("deployer-1", (await store.GetLeaseAsync(app, now, Token))?.Owner);

        await store.ReleaseLeaseAsync(app, "deployer-1", Token);
        Assert.Null(await store.GetLeaseAsync(app, now, Token));
        Assert.True(await store.TryAcquireLeaseAsync(app, "deployer-2", now.AddMinutes(5), now, Token));
        await store.ReleaseLeaseAsync(UniqueName("never-leased"), "deployer-1", Token);
    }

    [Fact]
    public async Task Of_twenty_owners_racing_for_a_free_lease_exactly_one_wins()
    {
        var app = UniqueName("race");
        var now = Clock.GetUtcNow();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => Task.Run(async () =>
            (Owner: $"deployer-{index}", Won: await CreateStore().TryAcquireLeaseAsync(app, $"deployer-{index}", now.AddMinutes(5), now, Token)))));

        var winner = Assert.Single(outcomes, outcome => outcome.Won);
        Assert.Equal(winner.Owner, (await CreateStore().GetLeaseAsync(app, now, Token))?.Owner);
    }

    [Fact]
    public async Task A_key_is_marked_done_once_until_the_mark_expires()
    {
        var store = CreateStore();
        var key = UniqueName("event");
        var now = Clock.GetUtcNow();

        Assert.False(await store.IsDoneAsync(key, now, Token));
        Assert.True(await store.TryMarkDoneAsync(key, now.AddHours(1), Token));
        Assert.False(await store.TryMarkDoneAsync(key, now.AddHours(2), Token));
        Assert.True(await store.IsDoneAsync(key, now.AddMinutes(59), Token));
        Assert.False(await store.IsDoneAsync(key, now.AddHours(1), Token));
    }

    [Fact]
    public async Task An_expired_mark_can_be_marked_again()
    {
        var store = CreateStore();
        var key = UniqueName("event");
        Assert.True(await store.TryMarkDoneAsync(key, Clock.GetUtcNow().AddMinutes(10), Token));

        Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.True(await store.TryMarkDoneAsync(key, Clock.GetUtcNow().AddMinutes(10), Token));
        Assert.False(await store.TryMarkDoneAsync(key, Clock.GetUtcNow().AddMinutes(30), Token));
        Assert.True(await store.IsDoneAsync(key, Clock.GetUtcNow().AddMinutes(9), Token));
    }

    [Fact]
    public async Task Racing_marks_of_one_key_let_exactly_one_through()
    {
        var key = UniqueName("event");
        var expiresAt = Clock.GetUtcNow().AddHours(1);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CreateStore().TryMarkDoneAsync(key, expiresAt, Token))));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task A_delivery_failure_is_overwritten_by_the_next_one_and_gone_once_expired()
    {
        var store = CreateStore();
        var id = UniqueName("message");
        var expiresAt = Clock.GetUtcNow().AddDays(4);
        Assert.Null(await store.GetDeliveryFailureAsync(id, Token));

        await store.RecordDeliveryFailureAsync(Failure(id, 1, "render failed: helm exited with 1", expiresAt), Token);
        var second = Failure(id, 2, "apply failed: 409 Conflict on deployment.apps/web", expiresAt);
        await store.RecordDeliveryFailureAsync(second, Token);

        Assert.Equal(second, await store.GetDeliveryFailureAsync(id, Token));
        Clock.Advance(TimeSpan.FromDays(4));
        Assert.Null(await store.GetDeliveryFailureAsync(id, Token));
    }

    [Fact]
    public async Task The_image_catalog_keeps_every_tag_of_an_image_and_a_repushed_tag_replaces_its_digest()
    {
        var store = CreateStore();
        var image = $"123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-{Guid.NewGuid():N}";
        var other = image + "-other";
        Assert.Empty(await store.ImagesAsync(image, Token));

        await store.RecordImageAsync(new CatalogImage(image, "1.0.0", "sha256:aaa", Start), Token);
        await store.RecordImageAsync(new CatalogImage(image, "1.2.0", "sha256:bbb", Start.AddMinutes(1)), Token);
        await store.RecordImageAsync(new CatalogImage(other, "9.9.9", "sha256:ccc", Start), Token);
        var moved = new CatalogImage(image, "1.0.0", "sha256:ddd", Start.AddMinutes(2));
        await store.RecordImageAsync(moved, Token);

        var tags = (await store.ImagesAsync(image, Token)).OrderBy(i => i.Tag, StringComparer.Ordinal).ToList();
        Assert.Equal([moved, new CatalogImage(image, "1.2.0", "sha256:bbb", Start.AddMinutes(1))], tags);
        Assert.Single(await store.ImagesAsync(other, Token));
    }
}
