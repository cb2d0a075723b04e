namespace ServerlessDeploy.Pipeline.Timers;

/// <summary>
/// The Timer port: delivers a wake-up to the deployer at (or soon after) its time. In AWS an SQS message timer on the
/// wake-up queue up to 15 minutes, an EventBridge Scheduler one-time schedule beyond; locally a SQLite timer table
/// read against an injected clock. Booking the same wake-up twice delivers it at most twice; the deployer drops the
/// duplicate. Failures are exceptions: a sync that cannot book its wake-up must not look as if it would continue.
/// </summary>
public interface ITimer
{
    Task BookAsync(WakeUp wakeUp, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
