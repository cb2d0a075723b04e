using System.Collections.Frozen;

namespace ServerlessDeploy.Core.Sync.Waves;

/// <summary>
/// The order in which kinds are applied within one wave: gitops-engine's <c>kindOrder</c> (pkg/sync/sync_tasks.go),
/// itself Helm's install order. Every kind DESIGN.md lists keeps its place; gitops-engine also ranks
/// PodSecurityPolicy, ReplicationController and the *List kinds, and so do we. Other kinds come after all of them.
/// </summary>
internal static class KindOrder
{
    private static readonly string[] Kinds =
    [
        "Namespace",
        "NetworkPolicy",
        "ResourceQuota",
        "LimitRange",
        "PodSecurityPolicy",
        "PodDisruptionBudget",
        "ServiceAccount",
        "Secret",
        "SecretList",
        "ConfigMap",
        "StorageClass",
        "PersistentVolume",
        "PersistentVolumeClaim",
        "CustomResourceDefinition",
        "ClusterRole",
        "ClusterRoleList",
        "ClusterRoleBinding",
        "ClusterRoleBindingList",
        "Role",
        "RoleList",
        "RoleBinding",
        "RoleBindingList",
        "Service",
        "DaemonSet",
        "Pod",
        "ReplicationController",
        "ReplicaSet",
        "Deployment",
        "HorizontalPodAutoscaler",
        "StatefulSet",
        "Job",
        "CronJob",
        "IngressClass",
        "Ingress",
        "APIService",
    ];

    private static readonly FrozenDictionary<string, int> Ranks =
        Kinds.Select((kind, index) => KeyValuePair.Create(kind, index)).ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The ranked kinds, first applied first.</summary>
    public static IReadOnlyList<string> Known => Kinds;

    /// <summary>The rank of a kind; every kind not in the list shares the last rank.</summary>
    public static int Of(string kind) => Ranks.TryGetValue(kind, out var rank) ? rank : Kinds.Length;
}
