using k8s;
using ServerlessDeploy.Kubernetes.Connection;

namespace ServerlessDeploy.Cli.Tests.Kubeconfig;

/// <summary>KubeconfigFile reads what KubernetesClient's own loader reads, and refuses an empty file with a kubeconfig error.</summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    [Fact]
    public void It_reads_the_same_configuration_as_KubernetesClient()
    {
        var path = Path.Combine(_folder, "config");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
              - name: dev-cluster
                cluster:
                  server: https://dev.example.com:6443
                  certificate-authority: certs/ca.crt
                  insecure-skip-tls-verify: false
            contexts:
              - name: dev
                context: {cluster: dev-cluster, user: dev-user, namespace: team}
            users:
              - name: dev-user
                user: {token: secret-token}
            preferences: {}
            """);

        var ours = KubeconfigFile.Load(path);
        var theirs = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path));

        Assert.Equal(theirs.CurrentContext, ours.CurrentContext);
        Assert.Equal(theirs.FileName, ours.FileName);
        Assert.Equal(theirs.Clusters.Single().ClusterEndpoint.Server, ours.Clusters.Single().ClusterEndpoint.Server);
        Assert.Equal(theirs.Clusters.Single().ClusterEndpoint.CertificateAuthority, ours.Clusters.Single().ClusterEndpoint.CertificateAuthority);
        Assert.Equal(theirs.Contexts.Single().ContextDetails.Namespace, ours.Contexts.Single().ContextDetails.Namespace);
        Assert.Equal(theirs.Users.Single().UserCredentials.Token, ours.Users.Single().UserCredentials.Token);
    }

    [Fact]
    public void An_empty_file_is_a_kubeconfig_error()
    {
        var path = Path.Combine(_folder, "empty");
        File.WriteAllText(path, "");

        Assert.Throws<k8s.Exceptions.KubeConfigException>(() => KubeconfigFile.Load(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
