namespace ServerlessDeploy.Aws.Scheduler;

/// <summary>One-time schedules in the stack's schedule group (EventBridge Scheduler; AWSSDK.Scheduler is not served).</summary>
public interface IOneTimeSchedules
{
    /// <summary>Creates the schedule; one that already exists under that name counts as created (a booking repeated).</summary>
    Task CreateAsync(OneTimeSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Deletes the schedule; one that is already gone counts as deleted.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
