using Microsoft.Data.Sqlite;

namespace ServerlessDeploy.Local.State;

/// <summary>
/// Opens connections to <c>state.db</c> in the state folder. The first open creates the folder, switches the file to WAL
/// (readers never wait for the writer, and several processes may share the folder), creates the tables and drops
/// expired marks and failures, so a long-used folder stays small.
/// </summary>
internal sealed class SqliteDatabase(string folder, TimeProvider time) : IDisposable
{
    /// <summary>How long a statement waits for another process's write lock before failing.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(folder, SqliteSchema.FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    private readonly SemaphoreSlim _prepare = new(1, 1);
    private bool _prepared;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        return await ConnectAsync(cancellationToken);
    }

    public void Dispose() => _prepare.Dispose();

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _prepared))
        {
            return;
        }

        await _prepare.WaitAsync(cancellationToken);
        try
        {
            if (!_prepared)
            {
                Directory.CreateDirectory(folder);
                await using var connection = await ConnectAsync(cancellationToken);
                await connection.RunAsync("PRAGMA journal_mode = WAL;", [], cancellationToken);
                await using var transaction = connection.BeginImmediateTransaction();
                await connection.RunAsync(SqliteSchema.Create, [], cancellationToken);
                if (Convert.ToInt64(await connection.ScalarAsync(SqliteSchema.HasAppHeads, [], cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    await connection.RunAsync(SqliteSchema.AddAppHeads, [], cancellationToken);
                }

                await connection.RunAsync(
                    "DELETE FROM done WHERE until <= $now; DELETE FROM delivery_failures WHERE until <= $now;",
                    [("$now", time.GetUtcNow().UtcTicks)],
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Volatile.Write(ref _prepared, true);
            }
        }
        finally
        {
            _prepare.Release();
        }
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.RunAsync($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};", [], cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
