namespace ServerlessDeploy.Core.Sync.Cursor;

/// <summary>Where one step of a saved sync is.</summary>
public enum StepState
{
    Pending,

    /// <summary>Started and not finished: after a crash it is run again (an apply is idempotent; hooks are found by their names).</summary>
    Running,

    /// <summary>Waiting for its condition; a wake-up is booked.</summary>
    Waiting,

    Done,
}
