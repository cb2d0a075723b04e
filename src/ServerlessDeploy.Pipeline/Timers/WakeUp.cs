namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>
/// A booked wake-up of a waiting sync: the app, its cursor, the step the cursor waits at and the cursor's version when
/// the wake-up was booked. A wake-up whose version is no longer the cursor's current one is stale and dropped.
/// </summary>
public sealed record WakeUp(string App, string CursorId, int StepIndex, long CursorVersion)
{
    /// <summary>One name per wake-up, the same however often it is booked: a timer books it once.</summary>
    public string Key => $"{App}/{CursorId}/{StepIndex}/{CursorVersion}";
}
