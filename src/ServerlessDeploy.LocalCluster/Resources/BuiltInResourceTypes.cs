using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Resources;

/// <summary>The built-in kinds the local server serves, with the names, scope and subresources kube-apiserver gives them.</summary>
internal static class BuiltInResourceTypes
{
    private static readonly string[] None = [];
    private static readonly string[] InAll = ["all"];

    public static IReadOnlyList<ResourceType> Types { get; } =
    [
        Of<V1Namespace>("namespaces", namespaced: false, status: true, None, "ns"),
        Of<V1ConfigMap>("configmaps", namespaced: true, status: false, None, "cm"),
        Of<V1Secret>("secrets", namespaced: true, status: false, None),
        Of<V1Service>("services", namespaced: true, status: true, InAll, "svc"),
        Of<V1ServiceAccount>("serviceaccounts", namespaced: true, status: false, None, "sa"),
        Of<V1PersistentVolumeClaim>("persistentvolumeclaims", namespaced: true, status: true, None, "pvc"),
        Of<V1PersistentVolume>("persistentvolumes", namespaced: false, status: true, None, "pv"),
        Of<V1Pod>("pods", namespaced: true, status: true, InAll, "po"),
        Of<V1Endpoints>("endpoints", namespaced: true, status: false, None, "ep"),
        Of<V1ResourceQuota>("resourcequotas", namespaced: true, status: true, None, "quota"),
        Of<V1LimitRange>("limitranges", namespaced: true, status: false, None, "limits"),
        Of<Corev1Event>("events", namespaced: true, status: false, None, "ev"),
        Of<V1Deployment>("deployments", namespaced: true, status: true, InAll, "deploy") with { HasScale = true },
        Of<V1StatefulSet>("statefulsets", namespaced: true, status: true, InAll, "sts") with { HasScale = true },
        Of<V1DaemonSet>("daemonsets", namespaced: true, status: true, InAll, "ds"),
        Of<V1ReplicaSet>("replicasets", namespaced: true, status: true, InAll, "rs") with { HasScale = true },
        Of<V1Job>("jobs", namespaced: true, status: true, InAll),
        Of<V1CronJob>("cronjobs", namespaced: true, status: true, InAll, "cj"),
        Of<V1Ingress>("ingresses", namespaced: true, status: true, None, "ing"),
        Of<V1IngressClass>("ingressclasses", namespaced: false, status: false, None),
        Of<V1NetworkPolicy>("networkpolicies", namespaced: true, status: false, None, "netpol"),
        Of<V1Role>("roles", namespaced: true, status: false, None),
        Of<V1RoleBinding>("rolebindings", namespaced: true, status: false, None),
        Of<V1ClusterRole>("clusterroles", namespaced: false, status: false, None),
        Of<V1ClusterRoleBinding>("clusterrolebindings", namespaced: false, status: false, None),
        Of<V1PodDisruptionBudget>("poddisruptionbudgets", namespaced: true, status: true, None, "pdb"),
        Of<V2HorizontalPodAutoscaler>("horizontalpodautoscalers", namespaced: true, status: true, InAll, "hpa"),
        Of<V1Lease>("leases", namespaced: true, status: false, None),
        Of<V1StorageClass>("storageclasses", namespaced: false, status: false, None, "sc"),
        Of<V1APIService>("apiservices", namespaced: false, status: true, None),
        Of<V1CustomResourceDefinition>("customresourcedefinitions", namespaced: false, status: true, None, "crd", "crds"),
    ];

    private static ResourceType Of<T>(string plural, bool namespaced, bool status, string[] categories, params string[] shortNames)
    {
        var entity = Attribute.GetCustomAttribute(typeof(T), typeof(KubernetesEntityAttribute)) as KubernetesEntityAttribute
            ?? throw new InvalidOperationException($"{typeof(T).Name} is a KubernetesClient model: every one carries KubernetesEntityAttribute");
        return new ResourceType(entity.Group, entity.ApiVersion, entity.Kind, plural, namespaced, status, shortNames, categories, typeof(T));
    }
}
