using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// One app to deploy, as the router puts it on the deploy FIFO queue (group = app). <see cref="DeploymentId"/> is derived
/// from the trigger: the queue's deduplication id and the idempotency key, so the same event never deploys twice.
/// </summary>
/// <param name="Revision">The commit to deploy; null means the head of the app's targetRevision when it is carried out.</param>
/// <param name="HistoryId">For a rollback: the history entry to return to.</param>
/// <param name="Force">For a rollback: go ahead even though automated sync is on.</param>
/// <param name="Image">For an image push: the pushed image (the image updater chooses tags from it).</param>
/// <param name="ImageOverrides">For a manual request: images to set ("name:tag", kustomize style), each replacing the
/// app's recorded override for the same image; kept as the app's overrides once deployed.</param>
/// <param name="RolloutAction">For a Rollout action: which Rollout and what is asked of it.</param>
/// <param name="RequestedAt">When the router routed the event to this app and queued the request.</param>
public sealed record DeployRequest(
    string App,
    DeployReason Reason,
    string? Revision,
    string DeploymentId,
    DateTimeOffset RequestedAt,
    string Initiator,
    long? HistoryId = null,
    bool Force = false,
    ImagePushed? Image = null,
    IReadOnlyList<string>? ImageOverrides = null,
    RolloutActionRequest? RolloutAction = null)
{
    /// <summary>When the event reached the pipeline (the intake message's sent time); null when not known.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>When the request was put on the deploy queue (the deploy message's sent time); null when not known.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>
    /// The config repository commit the router read when it routed the request: the deployer reads the Application at
    /// it, without resolving the config branch again. Null (a request not routed) means the branch's head.
    /// </summary>
    public string? ConfigCommit { get; init; }

    /// <summary>The intake queue message that carried the event, for the timeline; null when none did.</summary>
    public string? EventMessageId { get; init; }

    /// <summary>The deploy queue message that carries this request, set when it is received; null when none does.</summary>
    public string? DeployMessageId { get; init; }

    /// <summary>How often the deploy message was received (1 = the first time); 0 when not known.</summary>
    public int Receives { get; init; }
    /// <summary>For a manual sync: the sync dialog's choices (prune, dry run, …); null for the Application's own policy.</summary>
    public SyncChoices? Choices { get; init; }
}
