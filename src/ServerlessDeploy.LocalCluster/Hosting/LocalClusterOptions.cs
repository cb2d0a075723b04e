namespace ServerlessDeploy.LocalCluster.Hosting;

/// <summary>How a local cluster is started.</summary>
/// <param name="Port">The loopback port to listen on; 0 picks a free one.</param>
/// <param name="Token">When set, every request must carry "Authorization: Bearer" with this token.</param>
/// <param name="AcceptEksTokens">Also accept EKS tokens (k8s-aws-v1.…) that are well formed and unexpired.</param>
/// <param name="Faults">Faults injected from the start; they can be replaced while running.</param>
/// <param name="FaultSeed">Seed of the fault dice, for repeatable runs; random when null.</param>
public sealed record LocalClusterOptions(
    int Port = 0,
    string? Token = null,
    bool AcceptEksTokens = false,
    IReadOnlyList<Faults.FaultRule>? Faults = null,
    int? FaultSeed = null)
{
    /// <summary>The longest wait the simulated controllers schedule (a timer's limit is about 49 days).</summary>
    internal static readonly TimeSpan LongestControllerWait = TimeSpan.FromDays(30);

    /// <summary>
    /// Whether controllers are simulated: workloads, Jobs, LoadBalancer Services, Ingresses and claims get the status a
    /// real controller would write. True by default; false leaves every status to the clients (for tests of the verbs
    /// alone). Namespace cleanup and garbage collection run either way.
    /// </summary>
    public bool SimulateControllers { get; init; } = true;

    /// <summary>
    /// How long the simulated controllers take to finish a rollout (workloads ready, Jobs done, addresses assigned,
    /// claims bound). Zero, the default, writes the final status as soon as the change is seen, which is what tests want.
    /// </summary>
    public TimeSpan ControllerDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a Deployment whose image never becomes available (a tag starting with "fail") waits before it reports
    /// ProgressDeadlineExceeded. Null, the default, uses the Deployment's own spec.progressDeadlineSeconds (600 s when unset).
    /// </summary>
    public TimeSpan? FailureDeadline { get; init; }

    /// <summary>
    /// Whether /api and /apis answer in the aggregated form (apidiscovery.k8s.io/v2) when a client asks for it. True by
    /// default, as Kubernetes 1.26 and later; false answers only the legacy lists, as older servers do.
    /// </summary>
    public bool AggregatedDiscovery { get; init; } = true;

    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"port {Port} is not a TCP port (0-65535)", nameof(Port));
        }

        if (ControllerDelay < TimeSpan.Zero || ControllerDelay > LongestControllerWait)
        {
            throw new ArgumentException($"controller delay {ControllerDelay} must be between 0 and {LongestControllerWait.TotalDays} days", nameof(ControllerDelay));
        }

        if (FailureDeadline is { } deadline && (deadline < TimeSpan.Zero || deadline > LongestControllerWait))
        {
            throw new ArgumentException($"failure deadline {deadline} must be between 0 and {LongestControllerWait.TotalDays} days", nameof(FailureDeadline));
        }
    }

    internal bool RequiresAuthentication => Token is not null || AcceptEksTokens;
}
