using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ServerlessDeploy.Kubernetes.Http;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>
/// The HTTP pipeline to one EKS cluster, kept for the process's life: TLS trusts exactly the cluster CA, and every
/// request carries the EKS bearer token. Built directly rather than through KubernetesClient's client, whose
/// construction would bring all of KubernetesClient's models into the functions' Native AOT image.
/// </summary>
internal sealed class EksConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly EksTokenProvider _tokens;

    public EksConnection(Uri endpoint, X509Certificate2Collection caCertificates, EksTokenProvider tokens)
    {
        _tokens = tokens;
        _http = new HttpClient(Handler(caCertificates), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Cluster = new ClusterHttp(endpoint, _http, AuthorizeAsync);
    }

    public ClusterHttp Cluster { get; }

    /// <summary>
    /// As KubernetesClient configures its handler (HTTP/2 keep-alive pings, no client timeout), with the server's
    /// chain built to the cluster CA alone as the trusted root (no system roots, no revocation check).
    /// </summary>
    private static SocketsHttpHandler Handler(X509Certificate2Collection caCertificates)
    {
        var trust = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        trust.CustomTrustStore.AddRange(caCertificates);
        return new SocketsHttpHandler
        {
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            KeepAlivePingDelay = TimeSpan.FromMinutes(3),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = trust },
        };
    }

    /// <summary>"Authorization: Bearer k8s-aws-v1.…", as KubernetesClient's token credentials set it.</summary>
    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = await _tokens.GetAuthenticationHeaderAsync(cancellationToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        _tokens.Dispose();
    }
}
