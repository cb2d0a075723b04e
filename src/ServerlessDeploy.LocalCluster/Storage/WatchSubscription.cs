using System.Threading.Channels;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>One open watch: the events it will be sent, in order. Disposing it stops delivery.</summary>
internal sealed class WatchSubscription(Func<WatchEvent, bool> filter, Action<WatchSubscription> unsubscribe) : IDisposable
{
    private readonly Channel<WatchEvent> _events = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<WatchEvent> Events => _events.Reader;

    public void Offer(WatchEvent change)
    {
        if (filter(change))
        {
            _events.Writer.TryWrite(change);
        }
    }

    public void Dispose()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
