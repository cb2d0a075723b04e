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
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"port {Port} is not a TCP port (0-65535)", nameof(Port));
        }
    }

    internal bool RequiresAuthentication => Token is not null || AcceptEksTokens;
}
