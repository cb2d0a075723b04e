using k8s;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Controllers;

public sealed class AddressAndClaimSimulationTests
{
    private const string Ns = SimulatedCluster.Namespace;

    [Fact]
    public async Task A_LoadBalancer_service_gets_an_address_and_a_ClusterIP_one_none()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("services.yaml");

        var lb = await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedServiceAsync("public", Ns), HasAddress, "service public getting an address");
        var internalService = await cluster.Client.CoreV1.ReadNamespacedServiceAsync("internal", Ns);

        Assert.Equal("127.0.0.1", Assert.Single(lb.Status.LoadBalancer.Ingress).Ip);
        Assert.Null(internalService.Status?.LoadBalancer?.Ingress);
    }

    [Fact]
    public async Task A_service_that_stops_being_a_LoadBalancer_loses_its_address()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("services.yaml");
        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedServiceAsync("public", Ns), HasAddress, "service public getting an address");

        await cluster.Client.CoreV1.PatchNamespacedServiceAsync(new V1Patch("""{"spec":{"type":"ClusterIP"}}""", V1Patch.PatchType.MergePatch), "public", Ns);

        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedServiceAsync("public", Ns), s => !HasAddress(s), "service public losing its address");
    }

    [Fact]
    public async Task An_ingress_gets_the_load_balancer_address()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("ingress.yaml");

        var ingress = await SimulatedCluster.EventuallyAsync(
            () => cluster.Client.NetworkingV1.ReadNamespacedIngressAsync("web", Ns),
            i => i.Status?.LoadBalancer?.Ingress?.Count > 0,
            "ingress web getting an address");

        Assert.Equal("127.0.0.1", Assert.Single(ingress.Status.LoadBalancer.Ingress).Ip);
    }

    [Fact]
    public async Task A_claim_is_bound_to_a_provisioned_volume_of_the_requested_size()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("pvc.yaml");

        var claim = await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ReadNamespacedPersistentVolumeClaimAsync("data", Ns), c => c.Status?.Phase == "Bound", "claim data being bound");
        var volume = await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ListPersistentVolumeAsync(), l => l.Items.Count == 1, "the volume being provisioned");

        var pv = Assert.Single(volume.Items);
        Assert.Equal($"pvc-{claim.Uid()}", claim.Spec.VolumeName);
        Assert.Equal(pv.Name(), claim.Spec.VolumeName);
        Assert.Equal("5Gi", claim.Status.Capacity["storage"].ToString());
        Assert.Equal(["ReadWriteOnce"], claim.Status.AccessModes);
        Assert.Equal("yes", claim.GetAnnotation("pv.kubernetes.io/bind-completed"));
        Assert.Equal(("Bound", "5Gi", "gp3", "Delete"), (pv.Status.Phase, pv.Spec.Capacity["storage"].ToString(), pv.Spec.StorageClassName, pv.Spec.PersistentVolumeReclaimPolicy));
        Assert.Equal((claim.Uid(), "data", Ns), (pv.Spec.ClaimRef.Uid, pv.Spec.ClaimRef.Name, pv.Spec.ClaimRef.NamespaceProperty));
    }

    [Fact]
    public async Task Deleting_a_claim_deletes_its_provisioned_volume()
    {
        await using var cluster = await SimulatedCluster.StartAsync();
        await cluster.CreateAsync("pvc.yaml");
        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ListPersistentVolumeAsync(), l => l.Items.Count == 1, "the volume being provisioned");

        var (exitCode, output) = await cluster.KubectlAsync("delete", "pvc", "data", "-n", Ns, "--wait=false");

        Assert.True(exitCode == 0, output);

        await SimulatedCluster.EventuallyAsync(() => cluster.Client.CoreV1.ListPersistentVolumeAsync(), l => l.Items.Count == 0, "the volume being deleted");
    }

    private static bool HasAddress(V1Service service) => service.Status?.LoadBalancer?.Ingress?.Count > 0;
}
