using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.LocalCluster.Tests.CustomResources;

/// <summary>
/// A CRD shaped like Argo Rollouts' Rollout (printer columns; a scale subresource whose status count is .status.HPAReplicas
/// and selector .status.selector), in a group of the test's own, with one Rollout "web" of 2 replicas in a namespace of its own.
/// </summary>
internal static class Rollouts
{
    public const string Version = "v1alpha1";
    public const string Plural = "rollouts";

    public static async Task<(string Group, string Namespace)> CreateAsync(ClusterFixture cluster)
    {
        var group = $"{ClusterFixture.UniqueName("ro")}.example.com";
        await cluster.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(
            ManifestModels.Read<V1CustomResourceDefinition>(Manifests.Read("CustomResources/rollout-crd.yaml", group)));
        var ns = await cluster.CreateNamespaceAsync();
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<AnyObject>(
            AnyObject.FromCustomYaml(Manifests.Read("CustomResources/rollout.yaml", group)), group, Version, ns, Plural);
        return (group, ns);
    }

    /// <summary>Merges <paramref name="status"/> (JSON) into web's status through the status subresource.</summary>
    public static Task SetStatusAsync(ClusterFixture cluster, string group, string ns, string status) =>
        cluster.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<AnyObject>(
            new V1Patch($$"""{"status":{{status}}}""", V1Patch.PatchType.MergePatch), group, Version, ns, Plural, "web");
}
