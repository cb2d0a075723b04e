namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// How one deploy request ended, and so what happens to its queue message: deleted (Deployed, Failed, Skipped, NotFound),
/// returned for a retry (Retry), or returned soon to continue a sync that ran out of time (Continue). A notice that could
/// not be sent afterwards rides along as <see cref="Notice"/> and changes none of that.
/// </summary>
public sealed record DeployOutcome(DeployOutcomeKind Kind, string Message, TimeSpan? VisibleIn = null, State.NoticeFailure? Notice = null)
{
    public bool KeepsMessage => Kind is DeployOutcomeKind.Retry or DeployOutcomeKind.Continue;

    public static DeployOutcome Deployed(string message) => new(DeployOutcomeKind.Deployed, message);

    /// <summary>The sync itself failed (bad manifests, a failed hook, Degraded): recorded and notified, not retried.</summary>
    public static DeployOutcome Failed(string message) => new(DeployOutcomeKind.Failed, message);

    public static DeployOutcome Skipped(string message) => new(DeployOutcomeKind.Skipped, message);

    /// <summary>The request names an Application the config repository does not have: nothing was done.</summary>
    public static DeployOutcome NotFound(string message) => new(DeployOutcomeKind.NotFound, message);

    /// <summary>Something outside the sync failed (cluster or Git unreachable, the app's lease busy): try again later.</summary>
    public static DeployOutcome Retry(string message) => new(DeployOutcomeKind.Retry, message);

    public static DeployOutcome Continue(string message, TimeSpan visibleIn) => new(DeployOutcomeKind.Continue, message, visibleIn);
}

/// <summary>See <see cref="DeployOutcome"/>.</summary>
public enum DeployOutcomeKind
{
    Deployed,
    Failed,
    Skipped,
    NotFound,
    Retry,
    Continue,
}
