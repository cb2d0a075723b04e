using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.CursorSamples;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>The behaviour <see cref="ISyncCursors"/> promises: one current cursor per app, every write conditional on its version.</summary>
public abstract partial class StateStoreContract
{
    /// <summary>The same store as <see cref="CreateStore"/> (a new instance, standing for another process), seen through its cursor port.</summary>
    protected abstract ISyncCursors CreateCursors();

    [Fact]
    public async Task An_app_without_a_cursor_reads_null()
    {
        Assert.Null(await CreateCursors().GetCursorAsync(UniqueName("no-cursor"), Token));
    }

    [Fact]
    public async Task A_first_cursor_is_written_only_while_the_app_has_none()
    {
        var cursors = CreateCursors();
        var first = Cursor(UniqueName("first"), 1, "cursor-a");

        Assert.True(await cursors.TryPutCursorAsync(first, null, Token));
        Assert.False(await CreateCursors().TryPutCursorAsync(Cursor(first.App, 1, "cursor-b"), null, Token));

        StateAssert.Equal(first, await cursors.GetCursorAsync(first.App, Token));
    }

    [Fact]
    public async Task A_cursor_is_written_over_at_its_stored_version_and_a_stale_or_unknown_version_writes_nothing()
    {
        var cursors = CreateCursors();
        var app = UniqueName("versions");
        Assert.True(await cursors.TryPutCursorAsync(Cursor(app, 1), null, Token));
        var second = Cursor(app, 2) with { Message = "second" };

        Assert.True(await cursors.TryPutCursorAsync(second, 1, Token));
        Assert.False(await cursors.TryPutCursorAsync(Cursor(app, 3, "stale-writer"), 1, Token));
        Assert.False(await cursors.TryPutCursorAsync(Cursor(app, 9, "ahead-writer"), 5, Token));
        Assert.False(await cursors.TryPutCursorAsync(Cursor(UniqueName("never-written"), 2), 1, Token));

        StateAssert.Equal(second, await CreateCursors().GetCursorAsync(app, Token));
        var superseding = Cursor(app, 3, "cursor-2") with { DeploymentId = "deploy-43", Status = CursorStatus.Running, Position = 0 };
        Assert.True(await cursors.TryPutCursorAsync(superseding, 2, Token));
        StateAssert.Equal(superseding, await cursors.GetCursorAsync(app, Token));
    }

    [Fact]
    public async Task A_cursor_with_every_step_kind_reads_back_as_written()
    {
        var cursor = Cursor(UniqueName("kinds"), 7);

        Assert.True(await CreateCursors().TryPutCursorAsync(cursor, null, Token));

        var read = await CreateCursors().GetCursorAsync(cursor.App, Token);
        StateAssert.Equal(cursor, read);
        Assert.Equal(cursor.Steps.Select(step => step.GetType()), read!.Steps.Select(step => step.GetType()));
        Assert.Equal(cursor.Wait, read.Wait);
        Assert.Equal(cursor.UpdatedAt, read.UpdatedAt);
    }

    [Fact]
    public async Task The_cursor_of_a_plan_with_thousands_of_waves_reads_back_whole()
    {
        var cursors = CreateCursors();
        var cursor = Waves(UniqueName("waves"), 1, 2_000);
        var next = cursor with { Version = 2, Message = "written over" };

        Assert.True(await cursors.TryPutCursorAsync(cursor, null, Token));
        Assert.True(await cursors.TryPutCursorAsync(next, 1, Token));

        StateAssert.Equal(next, await CreateCursors().GetCursorAsync(cursor.App, Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(4L)]
    public async Task Of_writers_racing_at_the_same_expected_version_exactly_one_wins(long? expected)
    {
        var app = UniqueName("cursor-race");
        if (expected is { } stored)
        {
            Assert.True(await CreateCursors().TryPutCursorAsync(Cursor(app, stored, "stored"), null, Token));
        }

        var next = (expected ?? 0) + 1;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(index => Task.Run(async () =>
            (Id: $"writer-{index}", Won: await CreateCursors().TryPutCursorAsync(Cursor(app, next, $"writer-{index}"), expected, Token)))));

        var winner = Assert.Single(outcomes, outcome => outcome.Won);
        var read = await CreateCursors().GetCursorAsync(app, Token);
        Assert.Equal((winner.Id, next), (read?.Id, read?.Version));
    }

    [Fact]
    public async Task A_cursor_not_above_the_version_it_replaces_is_refused_as_a_mistake_and_nothing_is_written()
    {
        var cursors = CreateCursors();
        var stored = Cursor(UniqueName("mistake"), 3);
        Assert.True(await cursors.TryPutCursorAsync(stored, null, Token));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cursors.TryPutCursorAsync(stored with { Message = "same version" }, 3, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => cursors.TryPutCursorAsync(stored with { App = " " }, null, Token));

        StateAssert.Equal(stored, await cursors.GetCursorAsync(stored.App, Token));
    }

    [Fact]
    public async Task A_cursor_lives_beside_the_app_s_status_without_listing_the_app_or_touching_its_status()
    {
        var app = UniqueName("beside");
        var cursor = Cursor(app, 1);
        Assert.True(await CreateCursors().TryPutCursorAsync(cursor, null, Token));
        Assert.DoesNotContain(await CreateStore().ListAppsAsync(Token), state => state.App == app);

        var state = Small(app);
        await CreateStore().PutAppAsync(state, Token);

        StateAssert.Equal(state, await CreateStore().GetAppAsync(app, Token));
        StateAssert.Equal(cursor, await CreateCursors().GetCursorAsync(app, Token));
        Assert.Equal(1, await StatusItemCountAsync(app));
    }
}
