namespace ServerlessDeploy.State;

/// <summary>An operation's phase, in Argo CD's words (Running covers a sync continued after the Lambda deadline).</summary>
public enum OperationPhase
{
    None,
    Running,
    Succeeded,
    Failed,
    Error,
}
