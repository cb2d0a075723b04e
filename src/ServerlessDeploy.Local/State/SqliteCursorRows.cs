using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Local.State;

/// <summary>
/// The apps' current sync cursors, a row per app with its version beside the cursor's JSON. Each write is one statement
/// (an INSERT that does nothing when the app has a row, or an UPDATE on the expected version), so it is atomic across the
/// processes sharing the folder and its row count says whether it was made.
/// </summary>
internal sealed class SqliteCursorRows(SqliteDatabase database)
{
    public async Task<SyncCursor?> GetAsync(string app, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.ScalarAsync("SELECT data FROM cursors WHERE app = $app;", [("$app", app)], cancellationToken);
        return json is string text ? SyncCursorJson.Deserialize(text) : null;
    }

    public async Task<bool> TryPutAsync(SyncCursor cursor, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        (string Name, object Value)[] row = [("$app", cursor.App), ("$version", cursor.Version), ("$data", SyncCursorJson.Serialize(cursor))];
        var changed = expectedVersion is { } expected
            ? await connection.RunAsync(
                "UPDATE cursors SET version = $version, data = $data WHERE app = $app AND version = $expected;",
                [.. row, ("$expected", expected)],
                cancellationToken)
            : await connection.RunAsync(
                "INSERT INTO cursors (app, version, data) VALUES ($app, $version, $data) ON CONFLICT (app) DO NOTHING;",
                row,
                cancellationToken);
        return changed == 1;
    }
}
