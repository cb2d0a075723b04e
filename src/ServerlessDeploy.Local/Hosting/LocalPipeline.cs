using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Local.Timers;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Timers;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>
/// The pipeline in one process, as in AWS but with in-memory queues: events go on the intake queue, the router's
/// handler moves them to the deploy FIFO queue, the deployer's handler carries them out; wake-ups of waiting syncs
/// come due in the SQLite timer table and reach the deployer through the wake-up queue. A message that is not done
/// comes back after its visibility timeout, its last error kept in the state store, and moves to the dead-letter
/// queue after maxReceiveCount receives.
/// </summary>
public sealed class LocalPipeline
{
    private readonly RouterHandler _router;
    private readonly DeployerHandler _deployer;
    private readonly IDeliveryFailures _failures;
    private readonly TimeProvider _time;
    private readonly TimeSpan? _invocationTime;
    private readonly SqliteTimers? _timers;

    /// <param name="invocationTime">When set, each deploy runs with a deadline this far ahead, as a Lambda invocation does.</param>
    /// <param name="timers">Where waiting syncs book their wake-ups; null when nothing here waits.</param>
    public LocalPipeline(
        LocalQueues queues, Func<IQueueSender, RouterHandler> router, Func<IVisibilityControl, DeployerHandler> deployer, IDeliveryFailures failures, TimeProvider time, TimeSpan? invocationTime = null, SqliteTimers? timers = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(deployer);
        Queues = queues;
        _router = router(queues.Deploy);
        _deployer = deployer(queues.Deploy);
        _failures = failures;
        _time = time;
        _invocationTime = invocationTime;
        _timers = timers;
    }

    public LocalQueues Queues { get; }

    /// <summary>Puts an event (an EventBridge event, a request, or a normalised trigger) on the intake queue.</summary>
    public Task SubmitAsync(string body, CancellationToken cancellationToken) => Queues.Intake.SendAsync(new QueueMessage(body), cancellationToken);

    /// <summary>
    /// Handles messages until the queues are empty and no wake-up is booked, waiting for invisible messages to come back
    /// and for booked wake-ups to come due; stops waiting after <paramref name="maxWait"/>, and for wake-ups after
    /// <paramref name="timersWait"/> (by default the same): what still waits stays booked.
    /// </summary>
    public async Task<IReadOnlyList<PipelineStep>> RunAsync(TimeSpan maxWait, CancellationToken cancellationToken, TimeSpan? timersWait = null)
    {
        var steps = new List<PipelineStep>();
        var giveUpAt = _time.GetUtcNow() + maxWait;
        var timersUntil = _time.GetUtcNow() + (timersWait ?? maxWait);
        var deadLettered = DeadLetters().Count();
        while (true)
        {
            await WakeUpsDueAsync(timersUntil, cancellationToken);
            var handled = 0;
            foreach (var message in Queues.Intake.Receive(10))
            {
                handled++;
                steps.Add(await HandleAsync("router", Queues.Intake, message, ct => _router.HandleAsync(message, null, ct), cancellationToken));
            }

            foreach (var (queue, message) in Queues.Deploy.Receive(10).Select(m => (Queues.Deploy, m)).Concat(Queues.WakeUp.Receive(10).Select(m => (Queues.WakeUp, m))))
            {
                handled++;
                var deadline = _invocationTime is { } limit ? _time.GetUtcNow() + limit : (DateTimeOffset?)null;
                steps.Add(await HandleAsync("deployer", queue, message, ct => _deployer.HandleAsync(message, deadline, ct), cancellationToken));
            }

            if (handled == 0)
            {
                if (await NextAsync(timersUntil, cancellationToken) is not { } next || next > giveUpAt)
                {
                    break;
                }

                var wait = next - _time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), _time, cancellationToken);
            }
        }

        foreach (var body in DeadLetters().Skip(deadLettered))
        {
            steps.Add(new PipelineStep("dead-letter", "", false, Truncate(body), TimeSpan.Zero));
        }

        return steps;
    }

    private IEnumerable<string> DeadLetters() =>
        Queues.IntakeDeadLetter.Bodies().Concat(Queues.DeployDeadLetter.Bodies()).Concat(Queues.WakeUpDeadLetter.Bodies());

    /// <summary>
    /// Wake-ups due now (and by <paramref name="timersUntil"/>) go on the wake-up queue, as Scheduler and SQS message
    /// timers deliver them in AWS.
    /// </summary>
    private async Task WakeUpsDueAsync(DateTimeOffset timersUntil, CancellationToken cancellationToken)
    {
        if (_timers is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var due in await _timers.DueAsync(now < timersUntil ? now : timersUntil, cancellationToken))
        {
            await Queues.WakeUp.SendAsync(new QueueMessage(WakeUpJson.Serialize(due.WakeUp)), cancellationToken);
        }
    }

    /// <summary>When something next can be handled: a message coming back, or a wake-up due by <paramref name="timersUntil"/>; null when nothing is left.</summary>
    private async Task<DateTimeOffset?> NextAsync(DateTimeOffset timersUntil, CancellationToken cancellationToken)
    {
        var booked = _timers is null ? [] : (await _timers.PendingAsync(cancellationToken)).Where(b => b.DueAt <= timersUntil).ToList();
        var times = new[] { Queues.Intake.NextVisibleAt, Queues.Deploy.NextVisibleAt, Queues.WakeUp.NextVisibleAt }
            .Concat(booked.Select(b => (DateTimeOffset?)b.DueAt)).Where(t => t is not null).ToList();
        var pending = Queues.Intake.Count + Queues.Deploy.Count + Queues.WakeUp.Count + booked.Count;
        return pending == 0 ? null : times.Min() ?? _time.GetUtcNow();
    }

    private async Task<PipelineStep> HandleAsync(
        string stage, InMemoryQueue queue, ReceivedMessage message, Func<CancellationToken, Task<MessageResult>> handle, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        MessageResult result;
        try
        {
            result = await handle(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = MessageResult.Failed($"{e.GetType().Name}: {e.Message}");
        }

        if (result.Done)
        {
            queue.Delete(message.ReceiptHandle);
        }
        else
        {
            var now = _time.GetUtcNow();
            await _failures.RecordDeliveryFailureAsync(new DeliveryFailure(message.MessageId, queue.Name, message.ReceiveCount, result.Message, now, now + TimeSpan.FromDays(14)), cancellationToken);
        }

        return new PipelineStep(stage, message.MessageId, result.Done, result.Message, _time.GetElapsedTime(started));
    }

    private static string Truncate(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
