using System.Collections.Frozen;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The built-in types kube-apiserver's Go types mark <c>+structType=atomic</c> (read from k8s.io/api's types.go and
/// apimachinery's LabelSelector): server-side apply owns and replaces each as one field, e.g. a Deployment's
/// <c>f:selector: {}</c>. KubernetesClient's models do not carry the marker, so it is written down here once.
/// </summary>
internal static class AtomicStructs
{
    private static readonly FrozenSet<Type> Types = new[]
    {
        typeof(V1LabelSelector),
        typeof(V1CrossVersionObjectReference),
        typeof(V1ConfigMapKeySelector),
        typeof(V1EndpointAddress),
        typeof(Corev1EndpointPort),
        typeof(V1FileKeySelector),
        typeof(V1LocalObjectReference),
        typeof(V1NodeSelector),
        typeof(V1NodeSelectorTerm),
        typeof(V1ObjectFieldSelector),
        typeof(V1ObjectReference),
        typeof(V1ResourceFieldSelector),
        typeof(V1ScopeSelector),
        typeof(V1SecretKeySelector),
        typeof(V1SecretReference),
        typeof(V1TopologySelectorTerm),
        typeof(V1TypedLocalObjectReference),
        typeof(V1ServiceBackendPort),
        typeof(V1RoleRef),
        typeof(Rbacv1Subject),
    }.ToFrozenSet();

    public static bool Contains(Type model) => Types.Contains(model);
}
