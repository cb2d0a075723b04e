using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Kubernetes;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Pipeline.Deploying;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>
/// The deployer's clusters in AWS: an Application's destination is matched against the configured EKS clusters by
/// name or by server URL; https://kubernetes.default.svc (or the name in-cluster) is the one cluster when exactly one
/// is configured. Requests carry an EKS bearer token (presigned STS GetCallerIdentity) from the function's credentials,
/// or from an assumed role when the cluster names one. One connection per cluster is kept, and its discovery for as long
/// as the cache given keeps it (none given: read afresh per connect).
/// </summary>
public sealed class EksClusters : IClusterConnector, IDisposable
{
    public const string InClusterServer = "https://kubernetes.default.svc";
    public const string InClusterName = "in-cluster";
    private const string RoleSessionName = "serverless-deploy";

    private readonly IReadOnlyList<EksClusterEndpoint> _clusters;
    private readonly Lazy<AWSCredentials> _credentials;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<EksConnection>> _connections = new(StringComparer.Ordinal);
    private readonly DiscoveryCache? _discovery;

    /// <param name="credentials">The function's credentials; null means AWSSDK.Core's default chain, resolved on first connect.</param>
    /// <param name="discovery">The container's discovery, shared by its requests; null reads discovery afresh per connect.</param>
    public EksClusters(IReadOnlyList<EksClusterEndpoint> clusters, AWSCredentials? credentials = null, TimeProvider? time = null, DiscoveryCache? discovery = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count == 0)
        {
            throw new ArgumentException("no EKS cluster is configured", nameof(clusters));
        }

        var invalid = clusters.Select(c => (c.Name, Problems: c.Problems())).Where(c => c.Problems.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", invalid.Select(c => $"cluster {c.Name}: {string.Join(", ", c.Problems)}")), nameof(clusters));
        }

        _clusters = clusters;
        _credentials = new(() => credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials());
        _time = time ?? TimeProvider.System;
        _discovery = discovery;
    }

    public ClusterConnection Connect(ApplicationDestination destination)
    {
        if (!TryMatch(destination, out var cluster, out var problem))
        {
            return ClusterConnection.Unknown(problem);
        }

        var connection = _connections.GetOrAdd(cluster.Name, _ => new Lazy<EksConnection>(() => Open(cluster))).Value;
        return ClusterConnection.To(new KubernetesCluster(connection.Cluster, _time, _discovery), cluster.ClusterRead);
    }

    /// <summary>The configured cluster the destination names; false, with the problem, when none or several match.</summary>
    public bool TryMatch(ApplicationDestination destination, [NotNullWhen(true)] out EksClusterEndpoint? cluster, out string problem)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var configured = string.Join(", ", _clusters.Select(c => c.Name));
        if (destination.Server?.TrimEnd('/') == InClusterServer || destination.Name == InClusterName)
        {
            cluster = _clusters.Count == 1 ? _clusters[0] : null;
            problem = cluster is null
                ? $"spec.destination: {InClusterServer} is ambiguous with {_clusters.Count} clusters configured ({configured}); name one of them"
                : "";
            return cluster is not null;
        }

        cluster = destination.Name is { Length: > 0 } name
            ? _clusters.FirstOrDefault(c => c.Name == name)
            : _clusters.FirstOrDefault(c => SameServer(c.Endpoint, destination.Server));
        problem = cluster is null
            ? $"spec.destination: {destination.Name ?? destination.Server} names no configured EKS cluster (configured: {configured})"
            : "";
        return cluster is not null;
    }

    private static bool SameServer(Uri endpoint, string? server) =>
        Uri.TryCreate(server?.TrimEnd('/'), UriKind.Absolute, out var uri)
        && Uri.Compare(new Uri(endpoint.OriginalString.TrimEnd('/')), uri, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private EksConnection Open(EksClusterEndpoint cluster)
    {
        var credentials = cluster.RoleArn is { } role
            ? new AssumeRoleAWSCredentials(_credentials.Value, role, RoleSessionName)
            : _credentials.Value;
        var tokens = new EksTokenProvider(new EksClusterOptions(cluster.Name, cluster.Region), credentials, _time);
        return new EksConnection(cluster.Endpoint, cluster.CaCertificates(), tokens);
    }

    public void Dispose()
    {
        foreach (var connection in _connections.Values.Where(c => c.IsValueCreated))
        {
            connection.Value.Dispose();
        }
    }
}
