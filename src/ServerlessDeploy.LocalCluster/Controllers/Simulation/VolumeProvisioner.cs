using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// A dynamic provisioner: the volume a claim was bound to is created (Bound, with a claimRef back to the claim), and
/// deleted with the claim, as the reclaim policy Delete does.
/// </summary>
internal sealed class VolumeProvisioner(ClusterState cluster, CreateVerb create, DeleteVerb delete) : IController
{
    public const string Provisioner = "local-cluster.serverless-deploy/hostpath";

    public Task ObserveAsync(WatchEvent change, CancellationToken cancellationToken)
    {
        if (change.GroupResource != "persistentvolumeclaims" || (change.Object["spec"] as JsonObject)?.String("volumeName") != ClaimSimulation.VolumeName(change.Object))
        {
            return Task.CompletedTask;
        }

        var volumes = cluster.Registry.BuiltIn("", "v1", "persistentvolumes");
        var existing = cluster.Store.Get(volumes, "", ClaimSimulation.VolumeName(change.Object));
        if (change.Type == "DELETED")
        {
            if (existing?["spec"]?["claimRef"]?["uid"]?.ToString() == change.Object.Uid() && !existing.IsDeleting())
            {
                delete.Delete(volumes, "", existing.Name(), new DeleteOptions("Background", null, null, DryRun: false));
            }
        }
        else if (existing is null && change.Object.Metadata()["annotations"]?[ClaimSimulation.BoundByController] is not null)
        {
            Provision(volumes, change.Object);
        }

        return Task.CompletedTask;
    }

    private void Provision(ResourceType volumes, JsonObject claim)
    {
        var created = create.Create(volumes, null, Volume(claim), new WriteOptions(DryRun: false, FieldManager: null, FieldValidation: "Ignore", Force: false));
        cluster.Store.Change(volumes, "", created.Name(), current =>
        {
            if (current is null || current.Uid() != created.Uid())
            {
                return new StoreChange.Keep(current ?? created);
            }

            var next = (JsonObject)current.DeepClone();
            next["status"] = new JsonObject { ["phase"] = "Bound" };
            return UpdateDecision.Decide(volumes, current, next, "status");
        }, dryRun: false);
    }

    private static JsonObject Volume(JsonObject claim)
    {
        var spec = claim["spec"] as JsonObject ?? [];
        var name = ClaimSimulation.VolumeName(claim);
        var volumeSpec = new JsonObject
        {
            ["capacity"] = new JsonObject { ["storage"] = spec["resources"]?["requests"]?["storage"]?.DeepClone() ?? "1Gi" },
            ["accessModes"] = spec["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
            ["persistentVolumeReclaimPolicy"] = "Delete",
            ["volumeMode"] = spec["volumeMode"]?.DeepClone() ?? "Filesystem",
            ["hostPath"] = new JsonObject { ["path"] = $"/var/local-cluster/{name}", ["type"] = "DirectoryOrCreate" },
            ["claimRef"] = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "PersistentVolumeClaim",
                ["namespace"] = claim.Namespace(),
                ["name"] = claim.Name(),
                ["uid"] = claim.Uid(),
            },
        };
        if (spec.String("storageClassName") is { } storageClass)
        {
            volumeSpec["storageClassName"] = storageClass;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["annotations"] = new JsonObject { ["pv.kubernetes.io/provisioned-by"] = Provisioner },
            },
            ["spec"] = volumeSpec,
        };
    }
}
