using ServerlessDeploy.Pipeline.Queues;

namespace ServerlessDeploy.Testing.Queues;

/// <summary>A queue for requests that must end done: changing a message's visibility (a retry) fails the test.</summary>
public sealed class NoVisibilityChange : IVisibilityControl
{
    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibleIn, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"a done request must not be made visible again (asked for {visibleIn})");
}
