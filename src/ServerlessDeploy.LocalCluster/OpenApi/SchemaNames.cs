using System.Reflection;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Names of components.schemas entries. Kinds and apimachinery meta types get kube-apiserver's real names
/// (io.k8s.api.apps.v1.Deployment); a nested model's Go package cannot be told from its CLR type, so it keeps
/// its CLR full name (k8s.Models.V1Container). kubectl finds a kind's schema by x-kubernetes-group-version-kind,
/// not by name, so only uniqueness matters.
/// </summary>
internal static class SchemaNames
{
    private const string MetaPackage = "io.k8s.apimachinery.pkg.apis.meta.v1";

    private static readonly HashSet<Type> MetaTypes =
    [
        typeof(V1ObjectMeta), typeof(V1ListMeta), typeof(V1LabelSelector), typeof(V1LabelSelectorRequirement),
        typeof(V1ManagedFieldsEntry), typeof(V1OwnerReference), typeof(V1Status), typeof(V1StatusDetails),
        typeof(V1StatusCause), typeof(V1DeleteOptions), typeof(V1Preconditions), typeof(V1Condition),
    ];

    public static string For(Type model)
    {
        if (MetaTypes.Contains(model))
        {
            return $"{MetaPackage}.{model.Name[2..]}";
        }

        var entity = model.GetCustomAttribute<KubernetesEntityAttribute>();
        return entity is null
            ? model.FullName ?? model.Name
            : $"{PackageOf(entity.Group)}.{entity.ApiVersion}.{entity.Kind}";
    }

    /// <summary>kube-apiserver's name for a custom kind: the group reversed, then version and kind (com.example.stable.v1.CronTab).</summary>
    public static string ForCustom(string group, string version, string kind) =>
        $"{string.Join('.', group.Split('.').Reverse())}.{version}.{kind}";

    /// <summary>A JSON reference to a component by name.</summary>
    public static string Ref(string name) => "#/components/schemas/" + name;

    private static string PackageOf(string group) => group switch
    {
        "" => "io.k8s.api.core",
        "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
        "apiregistration.k8s.io" => "io.k8s.kube-aggregator.pkg.apis.apiregistration",
        "internal.apiserver.k8s.io" => "io.k8s.api.apiserverinternal",
        _ => "io.k8s.api." + group.Split('.')[0],
    };
}
