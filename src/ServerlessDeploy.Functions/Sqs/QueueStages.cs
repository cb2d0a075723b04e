namespace ServerlessDeploy.Functions.Sqs;

/// <summary>Which stage settles a record, by the queue that delivered it: the function's own queue's stage, and a stage
/// of its own for each other queue (the deployer's wake-up queue, whose retries must change visibility on that queue,
/// not on the deploy queue).</summary>
internal sealed class QueueStages
{
    private readonly MessageStage _stage;
    private readonly IReadOnlyDictionary<string, MessageStage> _byQueueArn;

    public QueueStages(MessageStage stage, IReadOnlyDictionary<string, MessageStage>? byQueueArn = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stage = stage;
        _byQueueArn = byQueueArn ?? new Dictionary<string, MessageStage>();
    }

    public MessageStage For(string queueArn) => _byQueueArn.GetValueOrDefault(queueArn) ?? _stage;
}
