namespace ServerlessDeploy.State;

/// <summary>
/// An action asked of one of an app's Rollouts (promote, abort, …): who asked — its initiator, as a history entry names
/// a sync's — when, and how it went. Kept on the status, not in the history: it deploys no revision to roll back to.
/// </summary>
/// <param name="Action">The action's wire name (promote, promote-full, abort, retry, pause, resume, restart).</param>
/// <param name="Applied">False when it was refused (the Rollout missing, not the app's, the action not applying now).</param>
public sealed record RolloutActionRecord(string Namespace, string Name, string Action, string Initiator, DateTimeOffset At, bool Applied, string Message);
