using Microsoft.Extensions.Time.Testing;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Local.Timers;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>The local timer table against an injected clock; each instance stands for a process sharing the state folder.</summary>
public sealed class SqliteTimersTests(TempFolder folder) : IClassFixture<TempFolder>, IDisposable
{
    private static readonly CancellationToken Token = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly string _stateFolder = Path.Combine(folder.Path, UniqueName("timers"));
    private readonly List<IDisposable> _opened = [];

    [Fact]
    public async Task A_wake_up_waits_until_the_clock_reaches_its_time()
    {
        var timers = Open();
        var wakeUp = new WakeUp("guestbook", "cursor-1", 2, 5);
        var dueAt = _clock.GetUtcNow().AddMinutes(30);

        await timers.BookAsync(wakeUp, dueAt, Token);

        Assert.Empty(await timers.DueAsync(_clock.GetUtcNow(), Token));
        Assert.Equal([new BookedWakeUp(wakeUp, dueAt)], await timers.PendingAsync(Token));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal([new BookedWakeUp(wakeUp, dueAt)], await timers.DueAsync(_clock.GetUtcNow(), Token));
        Assert.Empty(await timers.PendingAsync(Token));
        Assert.Empty(await timers.DueAsync(_clock.GetUtcNow(), Token));
    }

    [Fact]
    public async Task A_rollout_wake_up_comes_back_with_its_rollout_beside_a_sync_wake_up()
    {
        var timers = Open();
        var rollout = WakeUp.Of("guestbook", new RolloutWakeUp("shop", "web", 638_000_000_000_000_000));
        var sync = new WakeUp("guestbook", "cursor-1", 2, 5);
        var dueAt = _clock.GetUtcNow().AddMinutes(1);

        await timers.BookAsync(rollout, dueAt, Token);
        await timers.BookAsync(sync, dueAt, Token);

        // Same time: by key, the cursor's before the Rollout's.
        Assert.Equal([new BookedWakeUp(sync, dueAt), new BookedWakeUp(rollout, dueAt)], await Open().DueAsync(dueAt, Token));
    }

    [Fact]
    public async Task A_timer_table_made_before_rollout_wake_ups_gets_their_columns_and_keeps_its_rows()
    {
        Directory.CreateDirectory(_stateFolder);
        var dueAt = _clock.GetUtcNow().AddMinutes(5);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_stateFolder, "state.db")}"))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE timers (key TEXT PRIMARY KEY, app TEXT NOT NULL, cursor_id TEXT NOT NULL, step_index INTEGER NOT NULL,
                    cursor_version INTEGER NOT NULL, due_at INTEGER NOT NULL);
                INSERT INTO timers VALUES ('guestbook/cursor-1/2/5', 'guestbook', 'cursor-1', 2, 5, {dueAt.UtcTicks});
                """;
            await command.ExecuteNonQueryAsync(Token);
        }

        var timers = Open();
        var rollout = WakeUp.Of("guestbook", new RolloutWakeUp("shop", "web", 3));
        await timers.BookAsync(rollout, dueAt, Token);

        Assert.Equal([new BookedWakeUp(new WakeUp("guestbook", "cursor-1", 2, 5), dueAt), new BookedWakeUp(rollout, dueAt)], await timers.PendingAsync(Token));
    }

    [Fact]
    public async Task Due_wake_ups_come_earliest_first_and_later_ones_stay()
    {
        var timers = Open();
        var now = _clock.GetUtcNow();
        var late = new WakeUp("b", "c", 0, 1);
        var early = new WakeUp("a", "c", 0, 1);
        var future = new WakeUp("c", "c", 0, 1);
        await timers.BookAsync(late, now.AddSeconds(-1), Token);
        await timers.BookAsync(future, now.AddTicks(1), Token);
        await timers.BookAsync(early, now.AddHours(-2), Token);

        var due = await timers.DueAsync(now, Token);

        Assert.Equal([early, late], due.Select(w => w.WakeUp));
        Assert.Equal(future, Assert.Single(await timers.PendingAsync(Token)).WakeUp);
    }

    [Fact]
    public async Task Booking_a_key_again_keeps_one_row_at_the_last_booking_s_time()
    {
        var timers = Open();
        var wakeUp = new WakeUp("guestbook", "cursor-1", 2, 5);

        await timers.BookAsync(wakeUp, _clock.GetUtcNow().AddMinutes(5), Token);
        await timers.BookAsync(wakeUp, _clock.GetUtcNow().AddMinutes(20), Token);
        await timers.BookAsync(wakeUp with { CursorVersion = 6 }, _clock.GetUtcNow().AddMinutes(5), Token);

        var pending = await timers.PendingAsync(Token);
        Assert.Equal(2, pending.Count);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(20), pending.Single(w => w.WakeUp == wakeUp).DueAt);
    }

    [Fact]
    public async Task Due_times_keep_their_instant_and_come_back_in_utc()
    {
        var timers = Open();
        var dueAt = new DateTimeOffset(2026, 12, 5, 12, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        await timers.BookAsync(new WakeUp("a", "c", 0, 0), dueAt, Token);

        var booked = Assert.Single(await timers.PendingAsync(Token));
        Assert.Equal(dueAt.UtcTicks, booked.DueAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, booked.DueAt.Offset);
    }

    [Fact]
    public async Task A_wake_up_booked_by_one_process_is_taken_by_another_and_only_once()
    {
        var booker = Open();
        var wakeUps = Enumerable.Range(0, 40).Select(i => new WakeUp($"app-{i}", "cursor", i, 1)).ToList();
        for (var i = 0; i < wakeUps.Count; i++)
        {
            await booker.BookAsync(wakeUps[i], _clock.GetUtcNow().AddSeconds(i), Token);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var takers = Enumerable.Range(0, 4).Select(_ => Open()).ToList();
        var taken = await Task.WhenAll(takers.Select(t => Task.Run(() => t.DueAsync(_clock.GetUtcNow(), Token))));

        var all = taken.SelectMany(t => t).Select(w => w.WakeUp).ToList();
        Assert.Equal(wakeUps.Count, all.Count);
        Assert.Equal(wakeUps.ToHashSet(), all.ToHashSet());
    }

    [Fact]
    public async Task The_timer_table_shares_state_db_with_the_state_store()
    {
        var timers = Open();
        using var store = new SqliteStateStore(_stateFolder, _clock);
        var app = Small(UniqueName("app"));

        await store.PutAppAsync(app, Token);
        await timers.BookAsync(new WakeUp(app.App, "cursor", 0, 1), _clock.GetUtcNow(), Token);

        Assert.Equal("state.db", Path.GetFileName(Assert.Single(Directory.GetFiles(_stateFolder, "*.db"))));
        Assert.NotNull(await store.GetAppAsync(app.App, Token));
        Assert.Single(await timers.DueAsync(_clock.GetUtcNow(), Token));
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }
    }

    private SqliteTimers Open()
    {
        var timers = new SqliteTimers(_stateFolder, _clock);
        _opened.Add(timers);
        return timers;
    }
}
