using ServerlessDeploy.Local.Queues;

namespace ServerlessDeploy.Local.Hosting;

/// <summary>The stack's queues, in memory: intake, deploy FIFO and wake-up, each with its dead-letter queue.</summary>
public sealed record LocalQueues(
    InMemoryQueue Intake, InMemoryQueue IntakeDeadLetter, InMemoryQueue Deploy, InMemoryQueue DeployDeadLetter, InMemoryQueue WakeUp, InMemoryQueue WakeUpDeadLetter)
{
    /// <summary>
    /// The stack's settings unless given: intake visibility 60 s and 5 receives; deploy FIFO and wake-up visibility
    /// 15 min (the deployer's timeout), 10 and 5 receives.
    /// </summary>
    public static LocalQueues Create(TimeProvider time, int deployMaxReceiveCount = 10, TimeSpan? visibilityTimeout = null)
    {
        var intakeDeadLetter = new InMemoryQueue("intake-dlq", false, time, TimeSpan.FromSeconds(60));
        var deployDeadLetter = new InMemoryQueue("deploy-dlq.fifo", true, time, TimeSpan.FromSeconds(60));
        var wakeUpDeadLetter = new InMemoryQueue("wakeup-dlq", false, time, TimeSpan.FromSeconds(60));
        return new LocalQueues(
            new InMemoryQueue("intake", false, time, visibilityTimeout ?? TimeSpan.FromSeconds(60), 5, intakeDeadLetter),
            intakeDeadLetter,
            new InMemoryQueue("deploy.fifo", true, time, visibilityTimeout ?? TimeSpan.FromMinutes(15), deployMaxReceiveCount, deployDeadLetter),
            deployDeadLetter,
            new InMemoryQueue("wakeup", false, time, visibilityTimeout ?? TimeSpan.FromMinutes(15), 5, wakeUpDeadLetter),
            wakeUpDeadLetter);
    }
}
