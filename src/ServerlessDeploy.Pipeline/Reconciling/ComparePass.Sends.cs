using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Routing;

namespace ServerlessDeploy.Pipeline.Reconciling;

public sealed partial class ComparePass
{
    /// <summary>
    /// Sends an app the pass did not settle to the deploy queue, as a tick's per-app request, the moment it is judged.
    /// Its id comes from the pass and the app, so a pass run again (redelivered, or a continuation that looks again at
    /// an app sent early) sends a request the FIFO queue drops and the deployer would skip as already carried out.
    /// </summary>
    /// <remarks>
    /// It names no config commit: it goes in the app's own FIFO group after whatever was routed for the app since the
    /// router read the configuration, so the deployer reads the newest configuration when it carries it out rather
    /// than the Application as the pass's (possibly older) commit had it.
    /// </remarks>
    private async Task PassOnAsync(ComparePassRequest request, AppVerdict verdict, CancellationToken cancellationToken)
    {
        if (verdict.Kind != AppVerdictKind.Sent)
        {
            return;
        }

        var deploy = new DeployRequest(verdict.App, DeployReason.Reconcile, null, DeploymentIds.Of("reconcile", verdict.App, request.PassId), time.GetUtcNow(), "reconcile");
        await deployQueue.SendAsync(new QueueMessage(DeployRequestJson.Serialize(deploy), deploy.App, deploy.DeploymentId), cancellationToken);
    }

    /// <summary>
    /// Hands the apps from the first one without a verdict on as one continuation of the pass, in its FIFO group, and
    /// says how many they are. Its id comes from the pass and the cursor, so a redelivered part that stops where it
    /// stopped before hands on once; one that stops elsewhere hands on an overlapping part, whose sends are dropped as
    /// repeats.
    /// </summary>
    private async Task<int> HandOnAsync(ComparePassRequest request, List<ConfiguredApp> apps, AppVerdict?[] verdicts, CancellationToken cancellationToken)
    {
        var first = Array.IndexOf(verdicts, null);
        if (first < 0)
        {
            return 0;
        }

        // A part always compares at least one app, so the first without a verdict is never the first app: the cursor moves on.
        var next = request with { After = apps[first - 1].Application.Name };
        var id = DeploymentIds.Of("compare-continued", request.PassId, next.After);
        await deployQueue.SendAsync(new QueueMessage(ComparePassJson.Serialize(next), ClusterShards.GroupOf(request.Cluster, request.Shard), id), cancellationToken);
        return apps.Count - first;
    }
}
