using ServerlessDeploy.Local.Queues;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>The four queues of the stack, in memory: intake and deploy FIFO, each with its dead-letter queue.</summary>
public sealed record LocalQueues(InMemoryQueue Intake, InMemoryQueue IntakeDeadLetter, InMemoryQueue Deploy, InMemoryQueue DeployDeadLetter)
{
    /// <summary>
    /// The stack's settings unless given: intake visibility 60 s and 5 receives; deploy FIFO visibility 15 min (its
    /// function's timeout) and 10 receives.
    /// </summary>
    public static LocalQueues Create(TimeProvider time, int deployMaxReceiveCount = 10, TimeSpan? visibilityTimeout = null)
    {
        var intakeDeadLetter = new InMemoryQueue("intake-dlq", false, time, TimeSpan.FromSeconds(60));
        var deployDeadLetter = new InMemoryQueue("deploy-dlq.fifo", true, time, TimeSpan.FromSeconds(60));
        return new LocalQueues(
            new InMemoryQueue("intake", false, time, visibilityTimeout ?? TimeSpan.FromSeconds(60), 5, intakeDeadLetter),
            intakeDeadLetter,
            new InMemoryQueue("deploy.fifo", true, time, visibilityTimeout ?? TimeSpan.FromMinutes(15), deployMaxReceiveCount, deployDeadLetter),
            deployDeadLetter);
    }
}
