using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts;

/// <summary>We refuse to drive a Rollout while a real Argo Rollouts controller is active, and say what showed it.</summary>
public class RolloutsControllerEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_lease_renewed_within_its_duration_is_named_as_evidence()
    {
        var evidence = RolloutsControllerEvidence.Find(Rollout(), [Lease("argo-rollouts-controller-lock", Now.AddSeconds(-10), 15)], Now);

        Assert.Equal(
            "an Argo Rollouts controller is active on this cluster, so Rollout shop/web is left to it: Lease argo-rollouts/argo-rollouts-controller-lock held by \"argo-rollouts-7f9c\" was renewed at 2026-12-06T08:59:50Z (lease duration 15 s)",
            evidence);
    }

    [Fact]
    public void An_instance_lease_counts_and_a_lease_without_a_duration_has_Argos_default()
    {
        Assert.NotNull(RolloutsControllerEvidence.Find(Rollout(), [Lease("argo-rollouts-controller-lock-blue", Now.AddSeconds(-14), null)], Now));
        Assert.Null(RolloutsControllerEvidence.Find(Rollout(), [Lease("argo-rollouts-controller-lock-blue", Now.AddSeconds(-16), null)], Now));
    }

    [Fact]
    public void A_stale_lease_or_another_lease_is_no_evidence()
    {
        Assert.Null(RolloutsControllerEvidence.Find(Rollout(), [Lease("argo-rollouts-controller-lock", Now.AddMinutes(-5), 15)], Now));
        Assert.Null(RolloutsControllerEvidence.Find(Rollout(), [Lease("kube-controller-manager", Now, 15)], Now));
    }

    [Fact]
    public void The_controllers_field_manager_in_managedFields_is_evidence()
    {
        var rollout = Rollout();
        rollout["metadata"]!["managedFields"] = new JsonArray(
            new JsonObject { ["manager"] = "serverless-deploy", ["operation"] = "Apply" },
            new JsonObject { ["manager"] = "rollouts-controller", ["operation"] = "Update", ["subresource"] = "status" });

        Assert.EndsWith(
            "its metadata.managedFields has fields written by \"rollouts-controller\", the Argo Rollouts controller's field manager",
            RolloutsControllerEvidence.Find(rollout, [], Now));
    }

    [Fact]
    public void No_evidence_is_null() => Assert.Null(RolloutsControllerEvidence.Find(Rollout(), [], Now));

    private static JsonObject Rollout() => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Rollout",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop" },
    };

    private static JsonObject Lease(string name, DateTimeOffset renewed, int? seconds)
    {
        var spec = new JsonObject { ["holderIdentity"] = "argo-rollouts-7f9c", ["renewTime"] = renewed.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture) };
        if (seconds is { } duration)
        {
            spec["leaseDurationSeconds"] = duration;
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argo-rollouts" }, ["spec"] = spec };
    }
}
