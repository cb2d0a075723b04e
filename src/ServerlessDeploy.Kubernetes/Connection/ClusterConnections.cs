using k8s;
using k8s.Exceptions;

namespace ServerlessDeploy.Kubernetes.Connection;

/// <summary>Builds a client from a kubeconfig file and an optional context, with one clear error when either is wrong.</summary>
internal static class ClusterConnections
{
    public static k8s.Kubernetes FromKubeconfig(string path, string? context)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"kubeconfig {path} does not exist", path);
        }

        try
        {
            return new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context));
        }
        catch (KubeConfigException e)
        {
            throw new InvalidOperationException($"kubeconfig {path}: {e.Message}", e);
        }
    }
}
