using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>
/// The verbs of KubernetesClient's GenericClient for one kind, in one namespace when the kind is namespaced, over the
/// same CustomObjects calls GenericClient made (KubernetesClient.Aot leaves GenericClient out).
/// </summary>
internal sealed class SampleClient(IKubernetes client, SampleKind kind, string? ns)
{
    private ICustomObjectsOperations Objects => client.CustomObjects;

    public Task<AnyObject> CreateAsync(AnyObject obj) =>
        ns is null
            ? Objects.CreateClusterCustomObjectAsync<AnyObject>(obj, kind.Group, kind.Version, kind.Plural)
            : Objects.CreateNamespacedCustomObjectAsync<AnyObject>(obj, kind.Group, kind.Version, ns, kind.Plural);

    public Task<AnyObject> ReadAsync(string name) =>
        ns is null
            ? Objects.GetClusterCustomObjectAsync<AnyObject>(kind.Group, kind.Version, kind.Plural, name)
            : Objects.GetNamespacedCustomObjectAsync<AnyObject>(kind.Group, kind.Version, ns, kind.Plural, name);

    public Task<AnyObjectList> ListAsync(string labelSelector) =>
        ns is null
            ? Objects.ListClusterCustomObjectAsync<AnyObjectList>(kind.Group, kind.Version, kind.Plural, labelSelector: labelSelector)
            : Objects.ListNamespacedCustomObjectAsync<AnyObjectList>(kind.Group, kind.Version, ns, kind.Plural, labelSelector: labelSelector);

    public Task<AnyObject> ReplaceAsync(AnyObject obj) =>
        ns is null
            ? Objects.ReplaceClusterCustomObjectAsync<AnyObject>(obj, kind.Group, kind.Version, kind.Plural, obj.Name())
            : Objects.ReplaceNamespacedCustomObjectAsync<AnyObject>(obj, kind.Group, kind.Version, ns, kind.Plural, obj.Name());

    public Task<AnyObject> PatchAsync(V1Patch patch, string name) =>
        ns is null
            ? Objects.PatchClusterCustomObjectAsync<AnyObject>(patch, kind.Group, kind.Version, kind.Plural, name)
            : Objects.PatchNamespacedCustomObjectAsync<AnyObject>(patch, kind.Group, kind.Version, ns, kind.Plural, name);

    public Task<AnyObject> DeleteAsync(string name) =>
        ns is null
            ? Objects.DeleteClusterCustomObjectAsync<AnyObject>(kind.Group, kind.Version, kind.Plural, name)
            : Objects.DeleteNamespacedCustomObjectAsync<AnyObject>(kind.Group, kind.Version, ns, kind.Plural, name);
}
