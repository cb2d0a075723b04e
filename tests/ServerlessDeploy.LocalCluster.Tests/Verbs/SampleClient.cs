using k8s;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>KubernetesClient's GenericClient for one kind, in one namespace when the kind is namespaced.</summary>
internal sealed class SampleClient(IKubernetes client, SampleKind kind, string? ns) : IDisposable
{
    private readonly GenericClient _generic = new(client, kind.Group, kind.Version, kind.Plural, disposeClient: false);

    public Task<AnyObject> CreateAsync(AnyObject obj) =>
        ns is null ? _generic.CreateAsync(obj) : _generic.CreateNamespacedAsync(obj, ns);

    public Task<AnyObject> ReadAsync(string name) =>
        ns is null ? _generic.ReadAsync<AnyObject>(name) : _generic.ReadNamespacedAsync<AnyObject>(ns, name);

    public Task<AnyObjectList> ListAsync(string labelSelector) =>
        ns is null ? _generic.ListAsync<AnyObjectList>(labelSelector) : _generic.ListNamespacedAsync<AnyObjectList>(ns, labelSelector);

    public Task<AnyObject> ReplaceAsync(AnyObject obj) =>
        ns is null ? _generic.ReplaceAsync(obj, obj.Name()) : _generic.ReplaceNamespacedAsync(obj, ns, obj.Name());

    public Task<AnyObject> PatchAsync(V1Patch patch, string name) =>
        ns is null ? _generic.PatchAsync<AnyObject>(patch, name) : _generic.PatchNamespacedAsync<AnyObject>(patch, ns, name);

    public Task<AnyObject> DeleteAsync(string name) =>
        ns is null ? _generic.DeleteAsync<AnyObject>(name) : _generic.DeleteNamespacedAsync<AnyObject>(ns, name);

    public void Dispose() => _generic.Dispose();
}
