using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Functions.Local;

/// <summary>A queue that is a local file: each message body is appended as one line. For local runs and the cold-start
/// bench (a <c>file://</c> queue URL); in AWS the queue URL is an SQS URL.</summary>
internal sealed class FileQueueSender : IQueueSender
{
    private readonly string _path;

    public FileQueueSender(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
    }

    public Task SendAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A file queue holds one message per line; the body has a line break.", nameof(message));
        }

        if (message.Delay is not null)
        {
            throw new ArgumentException("A file queue has no message timers; the message asks for a delay.", nameof(message));
        }
        return File.AppendAllTextAsync(_path, message.Body + "\n", cancellationToken);
    }
}
