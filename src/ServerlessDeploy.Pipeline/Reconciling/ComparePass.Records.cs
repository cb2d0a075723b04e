using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Reconciling;

public sealed partial class ComparePass
{
    /// <summary>
    /// Writes what the comparison found, when it differs from what is recorded, under the app's lease and only while
    /// the app is as the pass read it: a sync that began since is left to record its own. False when it was left so.
    /// </summary>
    private async Task<bool> RecordAsync(AppState read, AppState compared, ComparePassRequest request, CancellationToken cancellationToken)
    {
        if (compared.SyncStatus == read.SyncStatus && compared.Health == read.Health && compared.Message == read.Message && compared.ComparedRevision == read.ComparedRevision && compared.Manifest == read.Manifest)
        {
            return true;
        }

        return await UnderLeaseAsync(read.App, request, async current =>
        {
            // No record is read as a new state, as the app's own request reads it.
            current ??= AppState.New(read.App);
            if (current.Revision != read.Revision || current.Phase != read.Phase || current.StartedAt != read.StartedAt)
            {
                return false;
            }

            await store.Writes.PutAppAsync(current with { SyncStatus = compared.SyncStatus, ComparedRevision = compared.ComparedRevision, Health = compared.Health, Message = compared.Message, Manifest = compared.Manifest }, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The cluster could not be read: said on the app's status, its phase kept, so the next tick compares it again
    /// rather than sending every app of an unreachable cluster on its own way.
    /// </summary>
    private async Task ReportUnreadableAsync(string app, string unreadable, ComparePassRequest request, CancellationToken cancellationToken)
    {
        var message = $"comparison failed: {unreadable} (compared again at the next reconcile)";
        await UnderLeaseAsync(app, request, async current =>
        {
            if (current?.Message != message)
            {
                await store.Writes.PutAppAsync((current ?? AppState.New(app)) with { Message = message }, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> with the app's state read under its lease and answers what it answers; a lease held
    /// elsewhere (a sync) skips it, answering false.
    /// </summary>
    private async Task<bool> UnderLeaseAsync(string app, ComparePassRequest request, Func<AppState?, Task<bool>> write, CancellationToken cancellationToken)
    {
        var owner = $"compare:{request.PassId}";
        var now = time.GetUtcNow();
        if (!await store.Leases.TryAcquireLeaseAsync(app, owner, now + TimeSpan.FromMinutes(1), now, cancellationToken))
        {
            return false;
        }

        try
        {
            return await write(await store.Reads.GetAppAsync(app, cancellationToken));
        }
        finally
        {
            await store.Leases.ReleaseLeaseAsync(app, owner, CancellationToken.None);
        }
    }
}
