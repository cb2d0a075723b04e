using Microsoft.Data.Sqlite;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Timers;
using ITimer = ServerlessDeploy.Pipeline.Timers.ITimer;

namespace ServerlessDeploy.Local.Timers;

/// <summary>
/// The Timer port locally: a <c>timers</c> table in the state folder's <c>state.db</c>, one row per wake-up key, read
/// against the caller's clock. Booking a key again keeps one row, at the last booking's due time. Taking due wake-ups
/// is one DELETE … RETURNING, so processes sharing the folder each get a wake-up at most once.
/// </summary>
public sealed class SqliteTimers : ITimer, IDisposable
{
    private const string Columns = "app, cursor_id, step_index, cursor_version, due_at, rollout_namespace, rollout_name";

    private readonly SqliteDatabase _database;
    private bool _tableReady;

    public SqliteTimers(string stateFolder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateFolder);
        _database = new SqliteDatabase(Path.GetFullPath(stateFolder), time ?? TimeProvider.System);
    }

    public async Task BookAsync(WakeUp wakeUp, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.RunAsync(
            $"INSERT INTO timers (key, {Columns}) VALUES ($key, $app, $cursor, $step, $version, $due, $namespace, $name) "
            + "ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at;",
            [("$key", wakeUp.Key), ("$app", wakeUp.App), ("$cursor", wakeUp.CursorId), ("$step", wakeUp.StepIndex),
             ("$version", wakeUp.Rollout?.Version ?? wakeUp.CursorVersion), ("$due", dueAt.UtcTicks),
             ("$namespace", (object?)wakeUp.Rollout?.Namespace ?? DBNull.Value), ("$name", (object?)wakeUp.Rollout?.Name ?? DBNull.Value)],
            cancellationToken);
    }

    /// <summary>Takes the wake-ups due at or before <paramref name="now"/> off the table, earliest first.</summary>
    public async Task<IReadOnlyList<BookedWakeUp>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // RETURNING gives no order: sorted here as PendingAsync sorts.
        var due = await ReadAsync(connection, $"DELETE FROM timers WHERE due_at <= $now RETURNING {Columns};", [("$now", now.UtcTicks)], cancellationToken);
        return [.. due.OrderBy(w => w.DueAt).ThenBy(w => w.WakeUp.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every wake-up still waiting, earliest first (for `events replay` and `app get --state`).</summary>
    public async Task<IReadOnlyList<BookedWakeUp>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAsync(connection, $"SELECT {Columns} FROM timers ORDER BY due_at, key;", [], cancellationToken);
    }

    public void Dispose() => _database.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken);
        if (!Volatile.Read(ref _tableReady))
        {
            // Idempotent, so processes and threads racing here are harmless (one that adds the columns second finds them there).
            await connection.RunAsync(TimerSchema.Create, [], cancellationToken);
            if (Convert.ToInt64(await connection.ScalarAsync(TimerSchema.HasRolloutColumns, [], cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                try
                {
                    await connection.RunAsync(TimerSchema.AddRolloutColumns, [], cancellationToken);
                }
                catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process added them first.
                }
            }

            Volatile.Write(ref _tableReady, true);
        }

        return connection;
    }

    private static async Task<List<BookedWakeUp>> ReadAsync(
        SqliteConnection connection, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<BookedWakeUp>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var wakeUp = reader.IsDBNull(5)
                ? new WakeUp(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3))
                : WakeUp.Of(reader.GetString(0), new RolloutWakeUp(reader.GetString(5), reader.GetString(6), reader.GetInt64(3)));
            rows.Add(new BookedWakeUp(wakeUp, new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
        }

        return rows;
    }
}
