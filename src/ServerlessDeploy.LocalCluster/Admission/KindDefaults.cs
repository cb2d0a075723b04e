using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Admission;

/// <summary>What kube-apiserver's registries set on create for the kinds where a client would notice it missing.</summary>
internal sealed class KindDefaults
{
    private int _nextServiceIp = 1;

    /// <summary>Defaults applied whenever an object is decoded, as kube-apiserver's scheme defaulting is.</summary>
    public static void OnEveryWrite(ResourceType type, JsonObject obj)
    {
        if (type is { Group: "", Plural: "services" } && obj["spec"]?["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
                port["targetPort"] ??= port["port"]?.DeepClone();
            }
        }
    }

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        OnEveryWrite(type, obj);
        switch (type)
        {
            case { Group: "", Plural: "namespaces" }:
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case { Group: "", Plural: "pods" }:
                obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
                break;
            case { Group: "", Plural: "services" }:
                DefaultService(obj);
                break;
            case { Group: "batch", Plural: "cronjobs" }:
                // As the API server's CronJob strategy does on create: an empty status (health reads "never scheduled").
                obj["status"] = new JsonObject();
                break;
            case { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" }:
                CustomResourceDefinitions.ValidateAndEstablish(type, obj);
                break;
        }
    }

    private void DefaultService(JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject ?? [];
        obj["spec"] = spec;
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        if (spec.String("type") != "ExternalName" && spec["clusterIP"] is null)
        {
            // Allocate from the default service CIDR 10.96.0.0/12, as a fresh cluster would.
            var n = Interlocked.Increment(ref _nextServiceIp);
            var ip = $"10.96.{n / 250}.{(n % 250) + 1}";
            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
        }

        obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }
}
