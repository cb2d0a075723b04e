using k8s;

namespace ServerlessDeploy.Kubernetes.Http;

/// <summary>
/// What the adapter needs to reach one API server: its base URI, the HttpClient (TLS trust and client certificates are
/// its handler's), and an authorizer that signs each request (a bearer token, basic credentials), or none.
/// </summary>
/// <remarks>
/// The functions build it directly (EKS), so their Native AOT image never constructs <see cref="k8s.Kubernetes"/>,
/// whose operation groups and JSON context pull in every model type of KubernetesClient. Kubeconfig users take
/// <see cref="FromClient"/>: kubeconfig auth (exec plugins, client certificates) stays KubernetesClient's.
/// </remarks>
public sealed record ClusterHttp(Uri BaseUri, HttpClient Client, Func<HttpRequestMessage, CancellationToken, Task>? Authorize = null)
{
    /// <summary>A KubernetesClient's pipeline and credentials, as its own requests use them.</summary>
    public static ClusterHttp FromClient(k8s.Kubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ClusterHttp(client.BaseUri, client.HttpClient, client.Credentials is { } credentials ? credentials.ProcessHttpRequestAsync : null);
    }
}
