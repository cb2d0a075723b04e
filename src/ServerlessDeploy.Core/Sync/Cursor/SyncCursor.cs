namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>
/// A sync saved as a state machine: the plan's steps with each one's state, the step it is at, and what it waits for.
/// Every change is saved with a conditional write on <see cref="Version"/>, so one cursor per app is current and a
/// newer deployment supersedes a waiting one. <see cref="PlanDigest"/> names the plan the steps were cut from; a
/// resumed sync that renders a different plan stops instead of running someone else's steps.
/// </summary>
public sealed record SyncCursor(
    string Id,
    string App,
    string DeploymentId,
    string Revision,
    IReadOnlyList<string> ImageOverrides,
    DateTimeOffset StartedAt,
    long Version,
    CursorStatus Status,
    int Position,
    IReadOnlyList<CursorStep> Steps,
    string PlanDigest)
{
    public CursorWait? Wait { get; init; }

    /// <summary>The message of the last step that ended, or of the wait.</summary>
    public string Message { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }

    public CursorStep? Current => Position < Steps.Count ? Steps[Position] : null;

    public bool IsFinished => Status is CursorStatus.Succeeded or CursorStatus.Failed or CursorStatus.Superseded;

    /// <summary>The cursor with its current step replaced, one version on.</summary>
    public SyncCursor WithCurrent(CursorStep step, DateTimeOffset now) =>
        this with { Steps = [.. Steps.Take(Position), step, .. Steps.Skip(Position + 1)], Version = Version + 1, UpdatedAt = now };
}
