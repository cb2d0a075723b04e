using Microsoft.Data.Sqlite;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;
using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>The state store contract against <see cref="SqliteStateStore"/>, each store instance standing for a process sharing the folder.</summary>
public sealed class SqliteStateStoreTests(TempFolder folder) : StateStoreContract, IClassFixture<TempFolder>, IDisposable
{
    private readonly List<SqliteStateStore> _stores = [];

    protected override IStateStore CreateStore() => NewStore();

    protected override ISyncCursors CreateCursors() => NewStore();

    private SqliteStateStore NewStore()
    {
        var store = new SqliteStateStore(folder.Path, Clock);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    protected override async Task<int> StatusItemCountAsync(string app)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "state.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM apps WHERE app = $app;";
        command.Parameters.AddWithValue("$app", app);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_database_is_state_db_in_the_folder_in_WAL_mode()
    {
        var nested = Path.Combine(folder.Path, UniqueName("nested"));
        using var store = new SqliteStateStore(nested, Clock);

        await store.PutAppAsync(Small(UniqueName("wal")), Token);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(nested, "state.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task Outcomes_are_stored_as_the_text_earlier_versions_wrote()
    {
        var app = UniqueName("wire");
        var sample = Small(app);
        var state = sample with
        {
            SyncStatus = SyncStatusCode.OutOfSync,
            Resources = [sample.Resources[0] with { Action = ResourceResultCode.HookCreated }, sample.Resources[1] with { Action = ResourceResultCode.PrunedDryRun }],
        };
        var store = NewStore();

        await store.PutAppAsync(state, Token);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "state.db")}");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM apps WHERE app = $app;";
        command.Parameters.AddWithValue("$app", app);
        var json = Assert.IsType<string>(await command.ExecuteScalarAsync(Token));
        Assert.Contains("\"SyncStatus\":\"OutOfSync\",\"Health\":\"Progressing\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Action\":\"hook created\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Action\":\"pruned (dry run)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"web\",\"Phase\":\"Sync\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"settings\",\"Phase\":\"PreSync\"", json, StringComparison.Ordinal);
        StateAssert.Equal(state, await store.GetAppAsync(app, Token));
    }

    [Fact]
    public async Task A_status_written_before_revision_info_waiting_syncs_and_health_messages_reads_without_them()
    {
        var app = UniqueName("older");
        var store = NewStore();
        await store.PutAppAsync(AppState.New(UniqueName("schema")), Token);
        var older = "{\"App\":\"" + app + "\",\"Revision\":\"0123abcd\",\"SyncStatus\":\"Synced\",\"Health\":\"Healthy\",\"Phase\":\"Succeeded\","
            + "\"StartedAt\":null,\"FinishedAt\":null,\"Message\":\"ok\",\"Images\":[],\"ImageOverrides\":[],\"Resources\":[{\"Group\":\"apps\",\"Kind\":\"Deployment\","
            + "\"Namespace\":\"shop\",\"Name\":\"web\",\"Phase\":\"Sync\",\"Wave\":0,\"Action\":\"configured\",\"Succeeded\":true,\"Message\":\"\",\"Health\":\"Healthy\"}]}";

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "state.db")}"))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO apps (app, data) VALUES ($app, $data);";
            command.Parameters.AddWithValue("$app", app);
            command.Parameters.AddWithValue("$data", older);
            await command.ExecuteNonQueryAsync(Token);
        }

        var read = await store.GetAppAsync(app, Token);
        Assert.Equal((HealthCode.Healthy, (RevisionInfo?)null, (WaitingSync?)null), (read!.Health, read.RevisionInfo, read.Waiting));
        var web = Assert.Single(read.Resources);
        Assert.Equal((SyncPhaseCode.Sync, ResourceResultCode.Configured, HealthCode.Healthy, (string?)null), (web.Phase, web.Action, web.Health, web.HealthMessage));
    }

    [Fact]
    public async Task Expired_marks_are_dropped_when_a_process_opens_the_folder()
    {
        var nested = Path.Combine(folder.Path, UniqueName("purge"));
        var key = UniqueName("event");
        using (var first = new SqliteStateStore(nested, Clock))
        {
            Assert.True(await first.TryMarkDoneAsync(key, Clock.GetUtcNow().AddMinutes(1), Token));
        }

        Clock.Advance(TimeSpan.FromMinutes(2));
        using var second = new SqliteStateStore(nested, Clock);
        Assert.False(await second.IsDoneAsync(key, Clock.GetUtcNow().AddMinutes(-5), Token));
    }

    [Fact]
    public async Task A_folder_from_before_heads_were_kept_lists_its_apps_without_resources_and_keeps_heads_from_then_on()
    {
        var nested = Path.Combine(folder.Path, UniqueName("before-heads"));
        var (old, next) = (Small(UniqueName("old")), Small(UniqueName("next")));
        using (var earlier = new SqliteStateStore(nested, Clock))
        {
            await earlier.PutAppAsync(old, Token);
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(nested, "state.db")};Pooling=False"))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE apps DROP COLUMN head;";
            await command.ExecuteNonQueryAsync(Token);
        }

        using var store = new SqliteStateStore(nested, Clock);
        await store.PutAppAsync(next, Token);

        var listed = await store.ListAppsWithoutResourcesAsync(Token);
        Assert.Equal(2, listed.Count);
        StateAssert.Equal(old with { Resources = [] }, listed.Single(app => app.App == old.App));
        StateAssert.Equal(next with { Resources = [] }, listed.Single(app => app.App == next.App));
        StateAssert.Equal(old, await store.GetAppAsync(old.App, Token));
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }
}
