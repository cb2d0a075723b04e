using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Testing.Queues;

/// <summary>A queue that keeps every visibility change (a retry) asked of it: the message's receipt and when it shows again.</summary>
public sealed class RecordingVisibility : IVisibilityControl
{
    public List<(string Receipt, TimeSpan VisibleIn)> Changes { get; } = [];

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken)
    {
        Changes.Add((receiptHandle, visibleIn));
        return Task.CompletedTask;
    }
}
