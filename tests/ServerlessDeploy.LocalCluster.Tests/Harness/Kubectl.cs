namespace ServerlessDeploy.LocalCluster.Tests.Harness;

/// <summary>The real kubectl, pointed at one kubeconfig, with its discovery cache kept beside it.</summary>
internal sealed class Kubectl(string kubeconfig)
{
    public Task<ProcessOutcome> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            ToolsDirectory.Kubectl,
            ["--kubeconfig", kubeconfig, .. arguments],
            new Dictionary<string, string> { ["KUBECACHEDIR"] = Path.Combine(Path.GetDirectoryName(kubeconfig)!, "kube-cache") });
}
