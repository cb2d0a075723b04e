using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Local.Queues;

/// <summary>
/// A queue with the SQS semantics the pipeline relies on, for local runs: a received message is invisible until it is
/// deleted or its visibility timeout passes; FIFO queues drop a repeated deduplication id within five minutes and hand
/// out a group's messages one at a time, in order; a standard queue's message may carry a timer (visible only after its
/// delay); a message received more than maxReceiveCount times moves to the dead-letter queue.
/// </summary>
public sealed class InMemoryQueue : IQueueSender, IVisibilityControl
{
    private static readonly TimeSpan DeduplicationWindow = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly List<QueuedMessage> _messages = [];
    private readonly Dictionary<string, DateTimeOffset> _deduplication = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;

    public InMemoryQueue(string name, bool fifo, TimeProvider time, TimeSpan visibilityTimeout, int maxReceiveCount = 5, InMemoryQueue? deadLetter = null)
    {
        Name = name;
        Fifo = fifo;
        _time = time;
        VisibilityTimeout = visibilityTimeout;
        MaxReceiveCount = maxReceiveCount;
        DeadLetter = deadLetter;
    }

    public string Name { get; }

    public bool Fifo { get; }

    public TimeSpan VisibilityTimeout { get; }

    public int MaxReceiveCount { get; }

    public InMemoryQueue? DeadLetter { get; }

    /// <summary>Messages on the queue, visible or not.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>When the next invisible message becomes visible again; null when none waits.</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages.Min(m => m.VisibleAt);
            }
        }
    }

    /// <summary>The bodies on the queue, oldest first (for the dead-letter queue's report).</summary>
    public IReadOnlyList<string> Bodies()
    {
        lock (_gate)
        {
            return _messages.Select(m => m.Body).ToList();
        }
    }

    public Task SendAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Fifo && (message.GroupId is null || message.DeduplicationId is null))
        {
            throw new ArgumentException($"queue {Name} is FIFO: a message needs a group id and a deduplication id", nameof(message));
        }

        var delay = message.Delay ?? TimeSpan.Zero;
        if (message.Delay is not null && Fifo)
        {
            throw new ArgumentException($"queue {Name} is FIFO: SQS takes no per-message delay there", nameof(message));
        }

        if (delay < TimeSpan.Zero || delay > QueueMessage.MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(message), delay, "an SQS message timer is 0 s .. 15 min");
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            // A FIFO message has a deduplication id: SendAsync refused it otherwise.
            if (Fifo && message.DeduplicationId is { } deduplicationId)
            {
                if (_deduplication.TryGetValue(deduplicationId, out var sentAt) && now - sentAt < DeduplicationWindow)
                {
                    return Task.CompletedTask;
                }

                _deduplication[deduplicationId] = now;
            }

            _messages.Add(new QueuedMessage(Guid.NewGuid().ToString(), message.Body, message.GroupId, ++_sequence) { VisibleAt = now + delay, SentAt = now });
        }

        return Task.CompletedTask;
    }

    /// <summary>Up to <paramref name="max"/> visible messages, each made invisible for the visibility timeout; over-received ones go to the dead-letter queue first.</summary>
    public IReadOnlyList<ReceivedMessage> Receive(int max)
    {
        var now = _time.GetUtcNow();
        var received = new List<ReceivedMessage>();
        var redriven = new List<QueuedMessage>();
        lock (_gate)
        {
            var busyGroups = Fifo ? _messages.Where(m => m.VisibleAt > now).Select(m => m.GroupId).OfType<string>().ToHashSet() : [];
            foreach (var message in _messages.OrderBy(m => m.Sequence).ToList())
            {
                if (received.Count >= max || message.VisibleAt > now || (Fifo && message.GroupId is { } waitingGroup && busyGroups.Contains(waitingGroup)))
                {
                    continue;
                }

                if (DeadLetter is not null && message.ReceiveCount >= MaxReceiveCount)
                {
                    _messages.Remove(message);
                    redriven.Add(message);
                    continue;
                }

                message.ReceiveCount++;
                message.VisibleAt = now + VisibilityTimeout;
                message.ReceiptHandle = Guid.NewGuid().ToString();
                if (Fifo && message.GroupId is { } group)
                {
                    busyGroups.Add(group);
                }

                received.Add(new ReceivedMessage(message.Id, message.Body, message.ReceiveCount, message.ReceiptHandle, message.SentAt));
            }
        }

        foreach (var message in redriven)
        {
            DeadLetter?.Accept(message);
        }

        return received;
    }

    public void Delete(string receiptHandle)
    {
        lock (_gate)
        {
            _messages.RemoveAll(m => m.ReceiptHandle == receiptHandle);
        }
    }

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var message = _messages.FirstOrDefault(m => m.ReceiptHandle == receiptHandle)
                ?? throw new InvalidOperationException($"queue {Name}: receipt handle {receiptHandle} is not current");
            message.VisibleAt = now + visibleIn;
        }

        return Task.CompletedTask;
    }

    private void Accept(QueuedMessage message)
    {
        lock (_gate)
        {
            message.VisibleAt = _time.GetUtcNow();
            message.ReceiptHandle = null;
            _messages.Add(message);
        }
    }
}
