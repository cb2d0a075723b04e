namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>
/// A booked wake-up of a waiting sync: the app, its cursor, the step the cursor waits at and the cursor's version when
/// the wake-up was booked. A wake-up whose version is no longer the cursor's current one is stale and dropped. A
/// wake-up with <see cref="Rollout"/> set looks again at one of the app's Rollouts instead (its cursor fields are then
/// empty): it travels the same timer and queue, and a message without it reads as a cursor's wake-up, as before.
/// </summary>
public sealed record WakeUp(string App, string CursorId, int StepIndex, long CursorVersion)
{
    /// <summary>For a look at a Rollout that waits for a person: which, and the watch version it was booked at; null for a sync's wake-up.</summary>
    public RolloutWakeUp? Rollout { get; init; }

    /// <summary>One name per wake-up, the same however often it is booked: a timer books it once.</summary>
    public string Key => Rollout is { } rollout
        ? $"{App}/rollout/{rollout.Namespace}/{rollout.Name}/{rollout.Version}"
        : $"{App}/{CursorId}/{StepIndex}/{CursorVersion}";

    public static WakeUp Of(string app, RolloutWakeUp rollout) => new(app, "", 0, 0) { Rollout = rollout };
}
