namespace ServerlessDeploy.LocalCluster.Hosting;

/// <summary>Renders the kubeconfig that points kubectl and KubernetesClient at a local cluster.</summary>
internal static class KubeconfigFile
{
    public static string Render(Uri server, string contextName, string? token)
    {
        var user = token is null ? "{}" : $"\n    token: \"{token}\"";
        // KubernetesClient refuses a context whose user has no credentials; without a token the context names no user.
        var contextUser = token is null ? "" : $"\n    user: {contextName}";
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
                cluster: {contextName}{contextUser}
            current-context: {contextName}

            """;
    }
}
