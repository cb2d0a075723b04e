namespace ServerlessDeploy.Core.Triggers;

/// <summary>What became of one incoming event.</summary>
public enum TriggerParseStatus
{
    /// <summary>The event is a trigger.</summary>
    Parsed,

    /// <summary>A well-formed event that asks for nothing (another ECR action, a deleted branch, a tag).</summary>
    Ignored,

    /// <summary>The event could not be read.</summary>
    Malformed,

    /// <summary>
    /// A readable event that cannot concern any app (a commit id that names no commit): answered with its reason and
    /// recorded, never retried, since no later delivery of the same event could be any different.
    /// </summary>
    Rejected,
}
