using System.Diagnostics.CodeAnalysis;
using ServerlessDeploy.Core.Cluster;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// What connecting to an Application's destination came to: the cluster's client, or the problem that a destination
/// names no configured cluster. Asking again finds none either, so callers fail the sync rather than retry.
/// </summary>
public sealed record ClusterConnection
{
    private ClusterConnection(IClusterClient? client, bool clusterRead, string problem) =>
        (Client, ClusterRead, Problem) = (client, clusterRead, problem);

    /// <summary>The cluster; null when the destination names none (see <see cref="Problem"/>).</summary>
    public IClusterClient? Client { get; }

    /// <summary>
    /// Whether the deployer may read the whole cluster, so one list per kind covers every namespace; false where its
    /// access is scoped to namespaces (the cluster's clusterRead setting), so lists must go per namespace.
    /// </summary>
    public bool ClusterRead { get; }

    /// <summary>
    /// <see cref="ClusterRead"/> as the engine reads with it: cluster-wide, or within namespaces, which each read widens
    /// with the namespaces it concerns (an app's destination and rendered namespaces, a compare pass's apps').
    /// </summary>
    public ReadScope Scope => ClusterRead ? ReadScope.ClusterWide : ReadScope.Within([]);

    /// <summary>Why the destination names no cluster, as a person reads it; empty when connected.</summary>
    public string Problem { get; }

    [MemberNotNullWhen(true, nameof(Client))]
    public bool IsConnected => Client is not null;

    /// <param name="clusterRead">See <see cref="ClusterRead"/>; true unless the cluster's settings say otherwise (a kubeconfig has none).</param>
    public static ClusterConnection To(IClusterClient client, bool clusterRead = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client, clusterRead, "");
    }

    public static ClusterConnection Unknown(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new(null, false, problem);
    }
}
