using System.Diagnostics;
using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.State;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>
/// The pipeline in one process, as in AWS but with in-memory queues: events go on the intake queue, the router's
/// handler moves them to the deploy FIFO queue, the deployer's handler carries them out. A message that is not done
/// comes back after its visibility timeout, its last error kept in the state store, and moves to the dead-letter
/// queue after maxReceiveCount receives.
/// </summary>
public sealed class LocalPipeline
{
    private readonly RouterHandler router;
    private readonly DeployerHandler deployer;
    private readonly IStateStore store;
    private readonly TimeProvider time;
    private readonly TimeSpan? invocationTime;

    /// <param name="invocationTime">When set, each deploy runs with a deadline this far ahead, as a Lambda invocation does.</param>
    public LocalPipeline(LocalQueues queues, Func<IQueueSender, RouterHandler> router, Func<IVisibilityControl, DeployerHandler> deployer, IStateStore store, TimeProvider time, TimeSpan? invocationTime = null)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(deployer);
        Queues = queues;
        this.router = router(queues.Deploy);
        this.deployer = deployer(queues.Deploy);
        this.store = store;
        this.time = time;
        this.invocationTime = invocationTime;
    }

    public LocalQueues Queues { get; }

    /// <summary>Puts an event (an EventBridge event, a request, or a normalised trigger) on the intake queue.</summary>
    public Task SubmitAsync(string body, CancellationToken cancellationToken) => Queues.Intake.SendAsync(new QueueMessage(body), cancellationToken);

    /// <summary>Handles messages until both queues are empty, waiting for invisible ones to come back; stops waiting after <paramref name="maxWait"/>.</summary>
    public async Task<IReadOnlyList<PipelineStep>> RunAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var steps = new List<PipelineStep>();
        var giveUpAt = time.GetUtcNow() + maxWait;
        var deadLettered = Queues.IntakeDeadLetter.Count + Queues.DeployDeadLetter.Count;
        while (Queues.Intake.Count + Queues.Deploy.Count > 0)
        {
            var handled = 0;
            foreach (var message in Queues.Intake.Receive(10))
            {
                handled++;
                steps.Add(await HandleAsync("router", Queues.Intake, message, ct => router.HandleAsync(message, ct), cancellationToken));
            }

            foreach (var message in Queues.Deploy.Receive(10))
            {
                handled++;
                var deadline = invocationTime is { } limit ? time.GetUtcNow() + limit : (DateTimeOffset?)null;
                steps.Add(await HandleAsync("deployer", Queues.Deploy, message, ct => deployer.HandleAsync(message, deadline, ct), cancellationToken));
            }

            if (handled == 0)
            {
                var next = new[] { Queues.Intake.NextVisibleAt, Queues.Deploy.NextVisibleAt }.Where(t => t is not null).Min() ?? time.GetUtcNow();
                if (next > giveUpAt)
                {
                    break;
                }

                var wait = next - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken);
            }
        }

        foreach (var body in Queues.IntakeDeadLetter.Bodies().Concat(Queues.DeployDeadLetter.Bodies()).Skip(deadLettered))
        {
            steps.Add(new PipelineStep("dead-letter", "", false, Truncate(body), TimeSpan.Zero));
        }

        return steps;
    }

    private async Task<PipelineStep> HandleAsync(
        string stage, InMemoryQueue queue, ReceivedMessage message, Func<CancellationToken, Task<MessageResult>> handle, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
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
            var now = time.GetUtcNow();
            await store.RecordDeliveryFailureAsync(new DeliveryFailure(message.MessageId, queue.Name, message.ReceiveCount, result.Message, now, now + TimeSpan.FromDays(14)), cancellationToken);
        }

        return new PipelineStep(stage, message.MessageId, result.Done, result.Message, clock.Elapsed);
    }

    private static string Truncate(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
