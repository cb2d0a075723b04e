using System.Collections.Concurrent;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>Keeps every recorded failure as (message id, reason); throws when asked to, like a store that is down.</summary>
internal sealed class RecordingFailureRecorder(bool throws = false) : IFailureRecorder
{
    public ConcurrentQueue<(string MessageId, string Reason)> Failures { get; } = new();

    public Task RecordFailureAsync(SqsRecord record, string reason, CancellationToken cancellationToken)
    {
        Failures.Enqueue((record.MessageId, reason));
        return throws ? throw new InvalidOperationException("state table unavailable") : Task.CompletedTask;
    }
}
