namespace ServerlessDeploy.LocalCluster.Tests.Verbs;

/// <summary>A kind the server must serve (issue #2's list), where it lives, and its sample under Fixtures/Kinds.</summary>
public sealed record SampleKind(string Kind, string Group, string Version, string Plural, bool Namespaced)
{
    public static IReadOnlyList<SampleKind> All { get; } =
    [
        new("Namespace", "", "v1", "namespaces", Namespaced: false),
        new("ConfigMap", "", "v1", "configmaps", Namespaced: true),
        new("Secret", "", "v1", "secrets", Namespaced: true),
        new("Service", "", "v1", "services", Namespaced: true),
        new("ServiceAccount", "", "v1", "serviceaccounts", Namespaced: true),
        new("PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", Namespaced: true),
        new("PersistentVolume", "", "v1", "persistentvolumes", Namespaced: false),
        new("Pod", "", "v1", "pods", Namespaced: true),
        new("Endpoints", "", "v1", "endpoints", Namespaced: true),
        new("ResourceQuota", "", "v1", "resourcequotas", Namespaced: true),
        new("LimitRange", "", "v1", "limitranges", Namespaced: true),
        new("Deployment", "apps", "v1", "deployments", Namespaced: true),
        new("StatefulSet", "apps", "v1", "statefulsets", Namespaced: true),
        new("DaemonSet", "apps", "v1", "daemonsets", Namespaced: true),
        new("ReplicaSet", "apps", "v1", "replicasets", Namespaced: true),
        new("Job", "batch", "v1", "jobs", Namespaced: true),
        new("CronJob", "batch", "v1", "cronjobs", Namespaced: true),
        new("Ingress", "networking.k8s.io", "v1", "ingresses", Namespaced: true),
        new("IngressClass", "networking.k8s.io", "v1", "ingressclasses", Namespaced: false),
        new("NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies", Namespaced: true),
        new("Role", "rbac.authorization.k8s.io", "v1", "roles", Namespaced: true),
        new("RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", Namespaced: true),
        new("ClusterRole", "rbac.authorization.k8s.io", "v1", "clusterroles", Namespaced: false),
        new("ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings", Namespaced: false),
        new("PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets", Namespaced: true),
        new("HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers", Namespaced: true),
        new("StorageClass", "storage.k8s.io", "v1", "storageclasses", Namespaced: false),
        new("APIService", "apiregistration.k8s.io", "v1", "apiservices", Namespaced: false),
        new("CustomResourceDefinition", "apiextensions.k8s.io", "v1", "customresourcedefinitions", Namespaced: false),
    ];

    /// <summary>The kind names, as theory data: a test case per kind, named after it.</summary>
    public static TheoryData<string> Names => [.. All.Select(k => k.Kind)];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string Fixture => $"Kinds/{Kind.ToLowerInvariant()}.yaml";

    public static SampleKind Named(string kind) => All.Single(k => k.Kind == kind);
}
