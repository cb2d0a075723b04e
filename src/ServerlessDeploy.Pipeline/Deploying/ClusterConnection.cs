using System.Diagnostics.CodeAnalysis;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// What connecting to an Application's destination came to: the cluster's client, or the problem that a destination
/// names no configured cluster. Asking again finds none either, so callers fail the sync rather than retry.
/// </summary>
public sealed record ClusterConnection
{
    private ClusterConnection(IClusterClient? client, string problem) => (Client, Problem) = (client, problem);

    /// <summary>The cluster; null when the destination names none (see <see cref="Problem"/>).</summary>
    public IClusterClient? Client { get; }

    /// <summary>Why the destination names no cluster, as a person reads it; empty when connected.</summary>
    public string Problem { get; }

    [MemberNotNullWhen(true, nameof(Client))]
    public bool IsConnected => Client is not null;

    public static ClusterConnection To(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client, "");
    }

    public static ClusterConnection Unknown(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new(null, problem);
    }
}
