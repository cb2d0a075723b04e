namespace ServerlessDeploy.Aws.Eks;

/// <summary>A KubernetesClient for one EKS cluster with the token provider that signs its requests; both kept for the process's life.</summary>
internal sealed class EksConnection(k8s.Kubernetes client, EksTokenProvider tokens) : IDisposable
{
    public k8s.Kubernetes Client { get; } = client;

    public void Dispose()
    {
        Client.Dispose();
        tokens.Dispose();
    }
}
