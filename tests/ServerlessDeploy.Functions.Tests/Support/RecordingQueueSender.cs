using System.Collections.Concurrent;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>Keeps every message sent; fails every send when asked to, like an unreachable queue.</summary>
internal sealed class RecordingQueueSender(bool fails = false) : IQueueSender
{
    public ConcurrentQueue<QueueMessage> Sent { get; } = new();

    public Task SendAsync(QueueMessage message, CancellationToken cancellationToken) =>
        fails ? throw new HttpRequestException("sqs.eu-west-1.amazonaws.com is unreachable") : Enqueue(message);

    private Task Enqueue(QueueMessage message)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
