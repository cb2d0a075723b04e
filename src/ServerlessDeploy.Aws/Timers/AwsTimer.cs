using Amazon.SQS;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Aws.Sqs;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Timers;
using ITimer = ServerlessDeploy.Pipeline.Timers.ITimer;

namespace ServerlessDeploy.Aws.Timers;

/// <summary>
/// The Timer port in AWS. A wait of at most 15 minutes is an SQS message timer on the standard wake-up queue (DelaySeconds,
/// rounded up); a longer one is an EventBridge Scheduler one-time schedule, at the due time rounded up to the second,
/// that sends the same wake-up message to the same queue. Either way the deployer reads one queue.
/// </summary>
public sealed class AwsTimer : ITimer
{
    private readonly SqsQueue _queue;
    private readonly IOneTimeSchedules _schedules;
    private readonly AwsTimerOptions _options;
    private readonly TimeProvider _time;

    public AwsTimer(IAmazonSQS sqs, IOneTimeSchedules schedules, AwsTimerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _queue = new SqsQueue(sqs, options.WakeUpQueueUrl);
        _schedules = schedules;
        _options = options;
        _time = time;
    }

    public async Task BookAsync(WakeUp wakeUp, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        var body = WakeUpJson.Serialize(wakeUp);
        var wait = dueAt - _time.GetUtcNow();
        if (wait <= QueueMessage.MaxDelay)
        {
            var delay = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            await _queue.SendAsync(new QueueMessage(body, Delay: delay), cancellationToken);
            return;
        }

        var schedule = new OneTimeSchedule(ScheduleNames.For(wakeUp), WholeSecondAtOrAfter(dueAt), _options.WakeUpQueueArn, _options.SchedulerRoleArn, body);
        await _schedules.CreateAsync(schedule, cancellationToken);
    }

    /// <summary>UTC, rounded up to the second: Scheduler's at() has whole seconds, and a wake-up must never come early.</summary>
    internal static DateTimeOffset WholeSecondAtOrAfter(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var past = ticks % TimeSpan.TicksPerSecond;
        return new DateTimeOffset(past == 0 ? ticks : ticks - past + TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
