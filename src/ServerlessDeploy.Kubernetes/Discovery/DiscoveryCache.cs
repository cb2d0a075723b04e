using System.Collections.Concurrent;

namespace ServerlessDeploy.Kubernetes.Discovery;

/// <summary>
/// The kinds each API server serves, kept for a process that lives across requests (a Lambda container, `sdeploy ui`,
/// `sdeploy events replay`) and shared by every connection to that server, so a request or a compare pass does not
/// read discovery (2 requests) again. An answer is used for <see cref="TimeToLive"/> after it was read; a kind not in it
/// reads discovery again at once (<see cref="ApiDiscovery"/>), so a CRD the sync just applied is found in the same sync.
/// </summary>
public sealed class DiscoveryCache
{
    /// <summary>
    /// Five minutes: longer than the 3-minute reconcile tick, so a warm container reads discovery at most every other tick;
    /// short, because a kind that stops being served (a CRD deleted, a preferred version changed) is only noticed when
    /// the answer expires, as a new kind is noticed on a miss. kubectl keeps its disk cache 6 hours (cli-runtime's
    /// ToDiscoveryClient) for a person at a terminal who can ask again; the deployer runs unattended.
    /// </summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<DiscoveredType> Types, DateTimeOffset ReadAt)> _servers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public DiscoveryCache(TimeProvider time)
        : this(time, DefaultTimeToLive)
    {
    }

    public DiscoveryCache(TimeProvider time, TimeSpan timeToLive)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        _time = time;
        TimeToLive = timeToLive;
    }

    public TimeSpan TimeToLive { get; }

    /// <summary>The server's kinds as last read, or null when never read or read longer ago than <see cref="TimeToLive"/>.</summary>
    internal IReadOnlyList<DiscoveredType>? Fresh(string server) =>
        _servers.TryGetValue(server, out var known) && _time.GetUtcNow() - known.ReadAt < TimeToLive ? known.Types : null;

    internal void Keep(string server, IReadOnlyList<DiscoveredType> types) => _servers[server] = (types, _time.GetUtcNow());
}
