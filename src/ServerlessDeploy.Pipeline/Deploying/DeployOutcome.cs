namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// How one deploy request ended, and so what happens to its queue message: deleted (Deployed, Failed, Skipped, NotFound,
/// and Waiting — a sync saved at a step that waits, with its wake-up booked), or returned for a retry (Retry). A notice
/// that could not be sent afterwards rides along as <see cref="Notice"/> and changes none of that.
/// </summary>
public sealed record DeployOutcome(DeployOutcomeKind Kind, string Message, ServerlessDeploy.State.NoticeFailure? Notice = null)
{
    public bool KeepsMessage => Kind is DeployOutcomeKind.Retry;

    public static DeployOutcome Deployed(string message) => new(DeployOutcomeKind.Deployed, message);

    /// <summary>The sync itself failed (bad manifests, a failed hook, Degraded): recorded and notified, not retried.</summary>
    public static DeployOutcome Failed(string message) => new(DeployOutcomeKind.Failed, message);

    public static DeployOutcome Skipped(string message) => new(DeployOutcomeKind.Skipped, message);

    /// <summary>The request names an Application the config repository does not have: nothing was done.</summary>
    public static DeployOutcome NotFound(string message) => new(DeployOutcomeKind.NotFound, message);

    /// <summary>Something outside the sync failed (cluster or Git unreachable, the app's lease busy): try again later.</summary>
    public static DeployOutcome Retry(string message) => new(DeployOutcomeKind.Retry, message);

    /// <summary>The sync is saved at a step that waits and its wake-up is booked: the request is done, the sync goes on later.</summary>
    public static DeployOutcome Waiting(string message) => new(DeployOutcomeKind.Waiting, message);

    /// <summary>A wake-up that no longer names the app's waiting sync (superseded, or delivered twice): dropped, and counted by the warning it logs.</summary>
    public static DeployOutcome Dropped(string message) => new(DeployOutcomeKind.Dropped, message);
}

/// <summary>See <see cref="DeployOutcome"/>.</summary>
public enum DeployOutcomeKind
{
    Deployed,
    Failed,
    Skipped,
    NotFound,
    Retry,
    Waiting,
    Dropped,
}
