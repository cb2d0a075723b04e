namespace ServerlessDeploy.LocalCluster.Hosting;

/// <summary>Renders the kubeconfig that points kubectl and KubernetesClient at a local cluster.</summary>
internal static class KubeconfigFile
{
    public static string Render(Uri server, string contextName, string? token)
    {
        // KubernetesClient refuses a user without credentials, so an open server still gets a token it ignores.
        var user = $"\n    token: \"{token ?? "anonymous"}\"";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {contextName}
              cluster:
                server: {server.ToString().TrimEnd('/')}
            users:
            - name: {contextName}
              user: {user}
            contexts:
            - name: {contextName}
              context:
                cluster: {contextName}
                user: {contextName}
            current-context: {contextName}

            """;
    }
}
