using System.Collections.Immutable;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Argo's pauseContext: what this reconcile decided about pause conditions and abort, applied to the new status at
/// the end (CalculatePauseStatus) so that earlier decisions in the same pass still read the observed status.
/// </summary>
internal sealed record PauseIntent(
    ImmutableArray<string> Add,
    ImmutableArray<string> Remove,
    bool Clear,
    bool AddAbort,
    bool RemoveAbort,
    string AbortMessage)
{
    public static readonly PauseIntent None = new([], [], false, false, false, "");

    public bool HasAddPause => !Add.IsEmpty;

    public bool IsAborted(RolloutStatusState observed) => !RemoveAbort && (AddAbort || observed.Abort);

    /// <summary>CalculatePauseStatus: abort wins; cleared pauses leave none; else observed conditions minus removed plus added.</summary>
    public RolloutStatusState Apply(RolloutStatusState observed, RolloutStatusState status, DateTimeOffset now)
    {
        if (AddAbort || (!RemoveAbort && observed.Abort))
        {
            return status with { Abort = true, AbortedAt = observed.AbortedAt ?? now };
        }

        status = status with { Abort = false, AbortedAt = null };
        if (Clear)
        {
            return status;
        }

        var controllerPause = observed.ControllerPause;
        var conditions = observed.PauseConditions.Where(pause => !Remove.Contains(pause.Reason)).ToList();
        foreach (var reason in Add.Where(reason => observed.PauseConditions.All(pause => pause.Reason != reason)))
        {
            conditions.Add(new RolloutPauseCondition(reason, now));
            controllerPause = true;
        }

        return conditions.Count == 0
            ? status
            : status with { ControllerPause = controllerPause, PauseConditions = [.. conditions] };
    }
}
