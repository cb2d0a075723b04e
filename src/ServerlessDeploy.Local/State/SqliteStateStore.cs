using System.Text.Json;
using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Local.State;

/// <summary>
/// The pipeline's state in <c>state.db</c> inside a state folder, for the CLI and the demo. Conditional writes are single
/// upserts with a WHERE clause and history appends run in one <c>BEGIN IMMEDIATE</c> transaction, so several processes
/// sharing the folder get the same guarantees as from the DynamoDB store. The apps' sync cursors live in the same
/// database (<see cref="SqliteCursorRows"/>).
/// </summary>
public sealed class SqliteStateStore : IStateStore, ISyncCursors, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCursorRows _cursors;
    private readonly TimeProvider _time;

    public SqliteStateStore(string stateFolder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateFolder);
        _time = time ?? TimeProvider.System;
        _database = new SqliteDatabase(Path.GetFullPath(stateFolder), _time);
        _cursors = new SqliteCursorRows(_database);
    }

    public async Task<AppState?> GetAppAsync(string app, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var json = await connection.ScalarAsync("SELECT data FROM apps WHERE app = $app;", [("$app", app)], cancellationToken);
        return json is string text ? Deserialize(text, LocalStateJson.Default.AppState) : null;
    }

    public async Task PutAppAsync(AppState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "INSERT INTO apps (app, data, head) VALUES ($app, $data, $head) ON CONFLICT (app) DO UPDATE SET data = excluded.data, head = excluded.head;",
            [
                ("$app", state.App),
                ("$data", JsonSerializer.Serialize(state, LocalStateJson.Default.AppState)),
                ("$head", JsonSerializer.Serialize(state with { Resources = [] }, LocalStateJson.Default.AppState)),
            ],
            cancellationToken);
    }

    public async Task<IReadOnlyList<AppState>> ListAppsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var texts = await connection.TextsAsync("SELECT data FROM apps ORDER BY app;", [], cancellationToken);
        return [.. texts.Select(text => Deserialize(text, LocalStateJson.Default.AppState))];
    }

    /// <summary>Reads each row's head; a row written before heads were kept is read whole, its resources dropped.</summary>
    public async Task<IReadOnlyList<AppState>> ListAppsWithoutResourcesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var texts = await connection.TextsAsync("SELECT coalesce(head, data) FROM apps ORDER BY app;", [], cancellationToken);
        return [.. texts.Select(text => Deserialize(text, LocalStateJson.Default.AppState) with { Resources = [] })];
    }

    public async Task<HistoryEntry> AppendHistoryAsync(string app, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginImmediateTransaction();
        var id = await connection.ScalarAsync(
            "INSERT INTO history_sequence (app, last_id) VALUES ($app, 1) "
            + "ON CONFLICT (app) DO UPDATE SET last_id = last_id + 1 RETURNING last_id;",
            [("$app", app)],
            cancellationToken) as long? ?? throw new InvalidOperationException("the history sequence's upsert returns its last_id");
        var stored = entry with { Id = id };
        await connection.RunAsync(
            "INSERT INTO history (app, id, data) VALUES ($app, $id, $data);",
            [("$app", app), ("$id", id), ("$data", JsonSerializer.Serialize(stored, LocalStateJson.Default.HistoryEntry))],
            cancellationToken);
        await connection.RunAsync(
            "DELETE FROM history WHERE app = $app AND id NOT IN (SELECT id FROM history WHERE app = $app ORDER BY id DESC LIMIT $limit);",
            [("$app", app), ("$limit", IStateWrites.HistoryLimit)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string app, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var texts = await connection.TextsAsync(
            "SELECT data FROM history WHERE app = $app ORDER BY id DESC LIMIT $limit;",
            [("$app", app), ("$limit", IStateWrites.HistoryLimit)],
            cancellationToken);
        return [.. texts.Select(text => Deserialize(text, LocalStateJson.Default.HistoryEntry))];
    }

    public async Task<bool> TryAcquireLeaseAsync(string app, string owner, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var changed = await connection.RunAsync(
            "INSERT INTO leases (app, owner, until) VALUES ($app, $owner, $until) "
            + "ON CONFLICT (app) DO UPDATE SET owner = excluded.owner, until = excluded.until "
            + "WHERE leases.until <= $now OR leases.owner = excluded.owner;",
            [("$app", app), ("$owner", owner), ("$until", expiresAt.UtcTicks), ("$now", now.UtcTicks)],
            cancellationToken);
        return changed == 1;
    }

    public async Task ReleaseLeaseAsync(string app, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "DELETE FROM leases WHERE app = $app AND owner = $owner;",
            [("$app", app), ("$owner", owner)],
            cancellationToken);
    }

    public async Task<Lease?> GetLeaseAsync(string app, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var row = await connection.FirstRowAsync(
            "SELECT owner, until FROM leases WHERE app = $app AND until > $now;", [("$app", app), ("$now", now.UtcTicks)], cancellationToken);
        return row is [string owner, long until] ? new Lease(app, owner, new DateTimeOffset(until, TimeSpan.Zero)) : null;
    }

    public async Task<bool> TryMarkDoneAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var changed = await connection.RunAsync(
            "INSERT INTO done (key, until) VALUES ($key, $until) ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE done.until <= $now;",
            [("$key", key), ("$until", expiresAt.UtcTicks), ("$now", _time.GetUtcNow().UtcTicks)],
            cancellationToken);
        return changed == 1;
    }

    public async Task<bool> IsDoneAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var found = await connection.ScalarAsync(
            "SELECT 1 FROM done WHERE key = $key AND until > $now;", [("$key", key), ("$now", now.UtcTicks)], cancellationToken);
        return found is not null;
    }

    public async Task RecordDeliveryFailureAsync(DeliveryFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "INSERT INTO delivery_failures (message_id, data, until) VALUES ($id, $data, $until) "
            + "ON CONFLICT (message_id) DO UPDATE SET data = excluded.data, until = excluded.until;",
            [("$id", failure.MessageId), ("$data", JsonSerializer.Serialize(failure, LocalStateJson.Default.DeliveryFailure)), ("$until", failure.ExpiresAt.UtcTicks)],
            cancellationToken);
    }

    public async Task RecordImageAsync(CatalogImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.RunAsync(
            "INSERT INTO images (image, tag, data) VALUES ($image, $tag, $data) ON CONFLICT (image, tag) DO UPDATE SET data = excluded.data;",
            [("$image", image.Image), ("$tag", image.Tag), ("$data", JsonSerializer.Serialize(image, LocalStateJson.Default.CatalogImage))],
            cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogImage>> ImagesAsync(string image, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var texts = await connection.TextsAsync("SELECT data FROM images WHERE image = $image;", [("$image", image)], cancellationToken);
        return [.. texts.Select(text => Deserialize(text, LocalStateJson.Default.CatalogImage))];
    }

    public async Task<DeliveryFailure?> GetDeliveryFailureAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var json = await connection.ScalarAsync(
            "SELECT data FROM delivery_failures WHERE message_id = $id AND until > $now;",
            [("$id", messageId), ("$now", _time.GetUtcNow().UtcTicks)],
            cancellationToken);
        return json is string text ? Deserialize(text, LocalStateJson.Default.DeliveryFailure) : null;
    }

    public Task<SyncCursor?> GetCursorAsync(string app, CancellationToken cancellationToken) => _cursors.GetAsync(app, cancellationToken);

    public Task<bool> TryPutCursorAsync(SyncCursor cursor, long? expectedVersion, CancellationToken cancellationToken)
    {
        CursorWrites.Check(cursor, expectedVersion);
        return _cursors.TryPutAsync(cursor, expectedVersion, cancellationToken);
    }

    public void Dispose() => _database.Dispose();

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"{SqliteSchema.FileName} holds JSON null for a {typeof(T).Name}.");
}
