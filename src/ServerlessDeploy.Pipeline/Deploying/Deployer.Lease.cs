using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>The app's lease: one sync of an app at a time, across every process that deploys it.</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// Runs <paramref name="work"/> holding the app's lease: a lease another sync holds is a retry; an unexpected failure
    /// is recorded on the app's status as an error and retried. The lease is released either way.
    /// </summary>
    private async Task<DeployOutcome> UnderLeaseAsync(string app, string owner, Func<Task<DeployOutcome>> work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.Leases.TryAcquireLeaseAsync(app, owner, now + settings.LeaseDuration, now, cancellationToken))
        {
            var lease = await store.Leases.GetLeaseAsync(app, now, cancellationToken);
            return DeployOutcome.Retry($"{app}: another sync holds the app's lease ({lease?.Owner} until {lease?.ExpiresAt:O})");
        }

        try
        {
            return await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return await AskAgainAsync(app, e.Message, cancellationToken);
        }
        finally
        {
            await store.Leases.ReleaseLeaseAsync(app, owner, CancellationToken.None);
        }
    }

    /// <summary>Something outside the sync failed (the cluster could not be read, an unexpected error): recorded on the status as an error, and retried.</summary>
    private async Task<DeployOutcome> AskAgainAsync(string app, string message, CancellationToken cancellationToken)
    {
        var state = await store.Reads.GetAppAsync(app, cancellationToken) ?? AppState.New(app);
        await store.Writes.PutAppAsync(state with { Phase = OperationPhase.Error, Message = $"{message} (will be retried)" }, cancellationToken);
        return DeployOutcome.Retry($"{app}: {message}");
    }
}
