using ServerlessDeploy.Core.Engine;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// What the compare-only policy decided for a request: answer it without syncing (<see cref="Answer"/>), or sync — from
/// the comparison the policy already made when it found drift to heal or a new commit that differs
/// (<see cref="Compared"/>), so nothing is rendered and compared twice.
/// </summary>
internal sealed record SyncDecision(DeployOutcome? Answer, ApplicationComparison? Compared)
{
    public static SyncDecision Sync { get; } = new(null, null);

    public static SyncDecision Answered(DeployOutcome answer) => new(answer, null);

    public static SyncDecision SyncFrom(ApplicationComparison compared) => new(null, compared);
}
