namespace ServerlessDeploy.State;

/// <summary>
/// A sync booked to wait before its next step (a hook, a pause, a gate), copied into the app's status so a reader sees it
/// without the pipeline's saved cursor.
/// </summary>
/// <param name="Id">The sync's id.</param>
/// <param name="Step">The step it waits at; null when it has not reached one.</param>
/// <param name="Reason">What it waits for.</param>
/// <param name="GivesUpAt">When it fails if still waiting; null when it waits for as long as it takes.</param>
public sealed record WaitingSync(string Id, string Revision, string? Step, string Reason, DateTimeOffset WakesAt, DateTimeOffset? GivesUpAt);
