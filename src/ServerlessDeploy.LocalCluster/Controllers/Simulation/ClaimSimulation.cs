using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// The persistent volume binder with a provisioner behind it: a claim is Pending, then after the delay bound to a volume
/// named pvc-&lt;uid&gt; (or the one it names) with the capacity it requested. <see cref="VolumeProvisioner"/> makes the volume.
/// </summary>
internal sealed class ClaimSimulation : ISimulatedKind
{
    public const string BoundByController = "pv.kubernetes.io/bound-by-controller";

    public string GroupResource => "persistentvolumeclaims";

    public bool Wants(JsonObject obj) => (obj["status"] as JsonObject)?.String("phase") is not ("Bound" or "Lost");

    public IReadOnlyList<StatusStep> Plan(JsonObject obj, SimulationTiming timing)
    {
        var bind = new StatusStep(timing.Delay, Bound, Bind);
        return timing.Delay == TimeSpan.Zero ? [bind] : [StatusStep.Now(Pending), bind];
    }

    public static JsonObject Pending(JsonObject claim, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(claim);
        status["phase"] = "Pending";
        return status;
    }

    public static JsonObject Bound(JsonObject claim, DateTimeOffset now)
    {
        var status = Workloads.StatusOf(claim);
        status["phase"] = "Bound";
        status["accessModes"] = claim["spec"]?["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce");
        status["capacity"] = new JsonObject { ["storage"] = claim["spec"]?["resources"]?["requests"]?["storage"]?.DeepClone() ?? "1Gi" };
        return status;
    }

    /// <summary>The binder's write to the claim itself: the volume it is bound to, and the annotations saying so.</summary>
    public static void Bind(JsonObject claim)
    {
        var spec = claim["spec"] as JsonObject ?? [];
        claim["spec"] = spec;
        var annotations = claim.Metadata()["annotations"] as JsonObject ?? [];
        claim.Metadata()["annotations"] = annotations;
        annotations["pv.kubernetes.io/bind-completed"] = "yes";
        if (spec.String("volumeName") is not { Length: > 0 })
        {
            spec["volumeName"] = VolumeName(claim);
            annotations[BoundByController] = "yes";
        }
    }

    /// <summary>The name a dynamically provisioned volume gets: pvc-&lt;claim uid&gt;.</summary>
    public static string VolumeName(JsonObject claim) => $"pvc-{claim.Uid()}";
}
