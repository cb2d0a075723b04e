using Amazon.DynamoDBv2;
using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// The app's lease in the pipeline's state store, taken by `sdeploy app sync --state dir` (the local SQLite store) or
/// `--table name` (the stack's DynamoDB table), so a sync from a terminal never runs at the same time as one from the
/// queue or a pipeline action. Released when disposed; it expires on its own if the process dies.
/// </summary>
internal sealed class SyncLease : IAsyncDisposable
{
    private readonly ILeases _store;
    private readonly IDisposable? _owned;
    private readonly string _app;
    private readonly string _owner;

    private SyncLease(ILeases store, IDisposable? owned, string app, string owner)
    {
        _store = store;
        _owned = owned;
        _app = app;
        _owner = owner;
    }

    /// <summary>Null when neither --state nor --table is given (no lease to take); exit 1 naming the holder when it is held. The lease runs for <c>hold</c> from the given clock's now.</summary>
    public static async Task<SyncLease?> TakeAsync(
        string? stateFolder, string? table, string app, TimeSpan hold, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        if (stateFolder is not null && table is not null)
        {
            throw CliFailure.Input("--state and --table name two state stores; give one");
        }

        if (Open(stateFolder, table) is not (ILeases store, var owned))
        {
            return null;
        }

        var owner = $"cli:{environment("USER") ?? "sdeploy"}@{Environment.MachineName}:{Environment.ProcessId}";
        var now = time.GetUtcNow();
        try
        {
            if (await store.TryAcquireLeaseAsync(app, owner, now + hold, now, cancellationToken))
            {
                return new SyncLease(store, owned, app, owner);
            }
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            owned?.Dispose();
            throw CliFailure.Operation($"--table {table}: cannot take the app's lease: {e.Message}; nothing was changed");
        }

        var holder = await store.GetLeaseAsync(app, now, cancellationToken);
        owned?.Dispose();
        throw CliFailure.Operation($"{app} is being synced by {holder?.Owner ?? "another sync"} until {holder?.ExpiresAt:u}; nothing was changed");
    }

    public async ValueTask DisposeAsync()
    {
        await _store.ReleaseLeaseAsync(_app, _owner, CancellationToken.None);
        _owned?.Dispose();
    }

    /// <summary>The store named and what to dispose with it; null when neither is named.</summary>
    private static (ILeases Store, IDisposable? Owned)? Open(string? stateFolder, string? table) =>
        stateFolder is not null ? Sqlite(stateFolder) : table is not null ? Dynamo(table) : null;

    private static (ILeases, IDisposable?) Sqlite(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw CliFailure.Input($"--state {folder}: no such folder");
        }

        var store = new SqliteStateStore(folder);
        return (store, store);
    }

    private static (ILeases, IDisposable?) Dynamo(string table)
    {
        if (Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint() is null)
        {
            throw CliFailure.Input("--table: no AWS region: set AWS_REGION, or a region in the AWS profile");
        }

        var client = new AmazonDynamoDBClient();
        return (new DynamoStateStore(client, table), client);
    }
}
