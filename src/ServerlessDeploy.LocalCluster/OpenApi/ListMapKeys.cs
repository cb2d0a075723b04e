using System.Collections.Frozen;
using k8s.Models;
using static ServerlessDeploy.LocalCluster.OpenApi.ListSemantics;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The merge semantics of the built-in list fields, as kube-apiserver's Go types declare them
/// (<c>patchStrategy</c>/<c>patchMergeKey</c> tags and <c>+listType</c>/<c>+listMapKey</c> markers),
/// keyed by KubernetesClient model type and JSON field name. KubernetesClient's models do not carry
/// these, so they are written down here once and read by the OpenAPI documents, server-side apply
/// and strategic merge patch alike. A list not listed is atomic, as it is for kube-apiserver.
/// </summary>
internal static class ListMapKeys
{
    private static readonly FrozenDictionary<(Type Model, string Field), ListSemantics> Table = Build();

    /// <summary>The declared semantics of a list field, or null when the Go type declares none.</summary>
    public static ListSemantics? Find(Type model, string field) =>
        Table.GetValueOrDefault((model, field));

    /// <summary>The semantics a merge must use: the declared ones, else atomic.</summary>
    public static ListSemantics For(Type model, string field) => Find(model, field) ?? Atomic;

    /// <summary>Every declared entry, for checks that the table names real list fields.</summary>
    public static IEnumerable<KeyValuePair<(Type Model, string Field), ListSemantics>> Entries => Table;

    private static FrozenDictionary<(Type, string), ListSemantics> Build()
    {
        var table = new Dictionary<(Type, string), ListSemantics>();
        var add = (Type model, string field, ListSemantics semantics) => table.Add((model, field), semantics);
        AddMeta(add);
        AddPodSpec(add);
        AddContainers(add, typeof(V1Container));
        AddContainers(add, typeof(V1EphemeralContainer));
        AddContainerParts(add);
        AddPodStatus(add);
        AddVolumes(add);
        AddScheduling(add);
        AddCore(add);
        AddWorkloads(add);
        AddNetworkingAndRbac(add);
        AddExtensions(add);
        return table.ToFrozenDictionary();
    }

    private static void AddMeta(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1ObjectMeta), "finalizers", MergedSet);
        add(typeof(V1ObjectMeta), "ownerReferences", MergedMapBy("uid"));
        add(typeof(V1ObjectMeta), "managedFields", Atomic);
        add(typeof(V1LabelSelector), "matchExpressions", Atomic);
        add(typeof(V1LabelSelectorRequirement), "values", Atomic);
    }

    private static void AddPodSpec(Action<Type, string, ListSemantics> add)
    {
        var pod = typeof(V1PodSpec);
        add(pod, "volumes", MergedMapRetainingKeysBy("name"));
        add(pod, "initContainers", MergedMapBy("name"));
        add(pod, "containers", MergedMapBy("name"));
        add(pod, "ephemeralContainers", MergedMapBy("name"));
        add(pod, "imagePullSecrets", MergedMapBy("name"));
        add(pod, "tolerations", Atomic);
        add(pod, "hostAliases", MergedMapBy("ip"));
        add(pod, "readinessGates", Atomic);
        add(pod, "topologySpreadConstraints", MergedMapBy("topologyKey", "whenUnsatisfiable"));
        add(pod, "schedulingGates", MergedMapBy("name"));
        add(pod, "resourceClaims", MergedMapRetainingKeysBy("name"));
        add(typeof(V1PodSecurityContext), "supplementalGroups", Atomic);
        add(typeof(V1PodSecurityContext), "sysctls", Atomic);
        add(typeof(V1LinuxContainerUser), "supplementalGroups", Atomic);
        add(typeof(V1PodDNSConfig), "nameservers", Atomic);
        add(typeof(V1PodDNSConfig), "searches", Atomic);
        add(typeof(V1PodDNSConfig), "options", Atomic);
        add(typeof(V1HostAlias), "hostnames", Atomic);
    }

    // Container and EphemeralContainer share their list fields (EphemeralContainerCommon mirrors Container).
    private static void AddContainers(Action<Type, string, ListSemantics> add, Type container)
    {
        add(container, "command", Atomic);
        add(container, "args", Atomic);
        add(container, "ports", MergedMapBy("containerPort", "protocol"));
        add(container, "envFrom", Atomic);
        add(container, "env", MergedMapBy("name"));
        add(container, "resizePolicy", Atomic);
        add(container, "restartPolicyRules", Atomic);
        add(container, "volumeMounts", MergedMapBy("mountPath"));
        add(container, "volumeDevices", MergedMapBy("devicePath"));
    }

    private static void AddContainerParts(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1Capabilities), "add", Atomic);
        add(typeof(V1Capabilities), "drop", Atomic);
        add(typeof(V1ExecAction), "command", Atomic);
        add(typeof(V1HTTPGetAction), "httpHeaders", Atomic);
        add(typeof(V1ResourceRequirements), "claims", MapBy("name"));
        add(typeof(V1ContainerRestartRuleOnExitCodes), "values", Set);
    }

    private static void AddPodStatus(Action<Type, string, ListSemantics> add)
    {
        var status = typeof(V1PodStatus);
        add(status, "conditions", MergedMapBy("type"));
        add(status, "hostIPs", AtomicMergedBy("ip"));
        add(status, "podIPs", MergedMapBy("ip"));
        add(status, "initContainerStatuses", Atomic);
        add(status, "containerStatuses", Atomic);
        add(status, "ephemeralContainerStatuses", Atomic);
        add(status, "resourceClaimStatuses", MergedMapRetainingKeysBy("name"));
        add(typeof(V1ContainerStatus), "volumeMounts", MergedMapBy("mountPath"));
        add(typeof(V1ContainerStatus), "allocatedResourcesStatus", MergedMapBy("name"));
        add(typeof(V1ResourceStatus), "resources", MapBy("resourceID"));
    }

    private static void AddVolumes(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1ProjectedVolumeSource), "sources", Atomic);
        add(typeof(V1ConfigMapVolumeSource), "items", Atomic);
        add(typeof(V1SecretVolumeSource), "items", Atomic);
        add(typeof(V1ConfigMapProjection), "items", Atomic);
        add(typeof(V1SecretProjection), "items", Atomic);
        add(typeof(V1DownwardAPIVolumeSource), "items", Atomic);
        add(typeof(V1DownwardAPIProjection), "items", Atomic);
        add(typeof(V1CephFSVolumeSource), "monitors", Atomic);
        add(typeof(V1CephFSPersistentVolumeSource), "monitors", Atomic);
        add(typeof(V1RBDVolumeSource), "monitors", Atomic);
        add(typeof(V1RBDPersistentVolumeSource), "monitors", Atomic);
        add(typeof(V1ISCSIVolumeSource), "portals", Atomic);
        add(typeof(V1ISCSIPersistentVolumeSource), "portals", Atomic);
        add(typeof(V1FCVolumeSource), "targetWWNs", Atomic);
        add(typeof(V1FCVolumeSource), "wwids", Atomic);
    }

    private static void AddScheduling(Action<Type, string, ListSemantics> add)
    {
        const string Required = "requiredDuringSchedulingIgnoredDuringExecution";
        const string Preferred = "preferredDuringSchedulingIgnoredDuringExecution";
        add(typeof(V1NodeAffinity), Preferred, Atomic);
        add(typeof(V1NodeSelector), "nodeSelectorTerms", Atomic);
        add(typeof(V1NodeSelectorTerm), "matchExpressions", Atomic);
        add(typeof(V1NodeSelectorTerm), "matchFields", Atomic);
        add(typeof(V1NodeSelectorRequirement), "values", Atomic);
        add(typeof(V1PodAffinity), Required, Atomic);
        add(typeof(V1PodAffinity), Preferred, Atomic);
        add(typeof(V1PodAntiAffinity), Required, Atomic);
        add(typeof(V1PodAntiAffinity), Preferred, Atomic);
        add(typeof(V1PodAffinityTerm), "namespaces", Atomic);
        add(typeof(V1PodAffinityTerm), "matchLabelKeys", Atomic);
        add(typeof(V1PodAffinityTerm), "mismatchLabelKeys", Atomic);
        add(typeof(V1TopologySpreadConstraint), "matchLabelKeys", Atomic);
        add(typeof(V1TopologySelectorTerm), "matchLabelExpressions", Atomic);
        add(typeof(V1TopologySelectorLabelRequirement), "values", Atomic);
    }

    private static void AddCore(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1ServiceSpec), "ports", MergedMapBy("port", "protocol"));
        add(typeof(V1ServiceSpec), "clusterIPs", Atomic);
        add(typeof(V1ServiceSpec), "externalIPs", Atomic);
        add(typeof(V1ServiceSpec), "loadBalancerSourceRanges", Atomic);
        add(typeof(V1ServiceSpec), "ipFamilies", Atomic);
        add(typeof(V1ServiceStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1LoadBalancerStatus), "ingress", Atomic);
        add(typeof(V1LoadBalancerIngress), "ports", Atomic);
        add(typeof(V1ServiceAccount), "secrets", MergedMapBy("name"));
        add(typeof(V1ServiceAccount), "imagePullSecrets", Atomic);
        add(typeof(V1PersistentVolumeClaimSpec), "accessModes", Atomic);
        add(typeof(V1PersistentVolumeClaimStatus), "accessModes", Atomic);
        add(typeof(V1PersistentVolumeClaimStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1PersistentVolumeSpec), "accessModes", Atomic);
        add(typeof(V1PersistentVolumeSpec), "mountOptions", Atomic);
        add(typeof(V1Endpoints), "subsets", Atomic);
        add(typeof(V1EndpointSubset), "addresses", Atomic);
        add(typeof(V1EndpointSubset), "notReadyAddresses", Atomic);
        add(typeof(V1EndpointSubset), "ports", Atomic);
        add(typeof(V1ResourceQuotaSpec), "scopes", Atomic);
        add(typeof(V1ScopeSelector), "matchExpressions", Atomic);
        add(typeof(V1ScopedResourceSelectorRequirement), "values", Atomic);
        add(typeof(V1LimitRangeSpec), "limits", Atomic);
        add(typeof(V1NamespaceSpec), "finalizers", Atomic);
        add(typeof(V1NamespaceStatus), "conditions", MergedMapBy("type"));
    }

    private static void AddWorkloads(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1DeploymentStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1StatefulSetStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1DaemonSetStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1ReplicaSetStatus), "conditions", MergedMapBy("type"));
        add(typeof(V1StatefulSetSpec), "volumeClaimTemplates", Atomic);
        add(typeof(V1JobStatus), "conditions", AtomicMergedBy("type"));
        add(typeof(V1CronJobStatus), "active", Atomic);
        add(typeof(V1PodFailurePolicy), "rules", Atomic);
        add(typeof(V1PodFailurePolicyRule), "onPodConditions", Atomic);
        add(typeof(V1PodFailurePolicyOnExitCodesRequirement), "values", Set);
        add(typeof(V1SuccessPolicy), "rules", Atomic);
        add(typeof(V1UncountedTerminatedPods), "succeeded", Set);
        add(typeof(V1UncountedTerminatedPods), "failed", Set);
        add(typeof(V1PodDisruptionBudgetStatus), "conditions", MergedMapBy("type"));
        add(typeof(V2HorizontalPodAutoscalerSpec), "metrics", Atomic);
        add(typeof(V2HorizontalPodAutoscalerStatus), "currentMetrics", Atomic);
        add(typeof(V2HorizontalPodAutoscalerStatus), "conditions", MergedMapBy("type"));
        add(typeof(V2HPAScalingRules), "policies", Atomic);
    }

    private static void AddNetworkingAndRbac(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1IngressSpec), "tls", Atomic);
        add(typeof(V1IngressSpec), "rules", Atomic);
        add(typeof(V1IngressTLS), "hosts", Atomic);
        add(typeof(V1HTTPIngressRuleValue), "paths", Atomic);
        add(typeof(V1IngressLoadBalancerStatus), "ingress", Atomic);
        add(typeof(V1IngressLoadBalancerIngress), "ports", Atomic);
        add(typeof(V1NetworkPolicySpec), "ingress", Atomic);
        add(typeof(V1NetworkPolicySpec), "egress", Atomic);
        add(typeof(V1NetworkPolicySpec), "policyTypes", Atomic);
        add(typeof(V1NetworkPolicyIngressRule), "ports", Atomic);
        add(typeof(V1NetworkPolicyIngressRule), "from", Atomic);
        add(typeof(V1NetworkPolicyEgressRule), "ports", Atomic);
        add(typeof(V1NetworkPolicyEgressRule), "to", Atomic);
        add(typeof(V1IPBlock), "except", Atomic);
        add(typeof(V1Role), "rules", Atomic);
        add(typeof(V1ClusterRole), "rules", Atomic);
        add(typeof(V1RoleBinding), "subjects", Atomic);
        add(typeof(V1ClusterRoleBinding), "subjects", Atomic);
        add(typeof(V1AggregationRule), "clusterRoleSelectors", Atomic);
        foreach (var field in new[] { "verbs", "apiGroups", "resources", "resourceNames", "nonResourceURLs" })
        {
            add(typeof(V1PolicyRule), field, Atomic);
        }
    }

    private static void AddExtensions(Action<Type, string, ListSemantics> add)
    {
        add(typeof(V1StorageClass), "mountOptions", Atomic);
        add(typeof(V1StorageClass), "allowedTopologies", Atomic);
        add(typeof(V1CustomResourceDefinitionSpec), "versions", Atomic);
        add(typeof(V1CustomResourceDefinitionNames), "shortNames", Atomic);
        add(typeof(V1CustomResourceDefinitionNames), "categories", Atomic);
        add(typeof(V1CustomResourceDefinitionStatus), "conditions", MapBy("type"));
        add(typeof(V1CustomResourceDefinitionStatus), "storedVersions", Atomic);
        add(typeof(V1CustomResourceDefinitionVersion), "additionalPrinterColumns", Atomic);
        add(typeof(V1CustomResourceDefinitionVersion), "selectableFields", Atomic);
        add(typeof(V1WebhookConversion), "conversionReviewVersions", Atomic);
        add(typeof(V1APIServiceStatus), "conditions", MergedMapBy("type"));
    }
}
