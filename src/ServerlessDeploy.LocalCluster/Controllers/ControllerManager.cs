using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers;

/// <summary>Runs the simulated controllers on one watch of every change, as kube-controller-manager does on informers.</summary>
internal sealed class ControllerManager(ClusterState cluster, TextWriter log, IReadOnlyList<IController> controllers) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start()
    {
        var subscription = cluster.Store.Watch(cluster.Store.Revision, _ => true) ?? throw new InvalidOperationException("a watch from the current revision is never too old to start");
        _loop = Task.Run(() => RunAsync(subscription, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the normal end of the loop.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(WatchSubscription subscription, CancellationToken cancellationToken)
    {
        using (subscription)
        {
            await foreach (var change in subscription.Events.ReadAllAsync(cancellationToken))
            {
                foreach (var controller in controllers)
                {
                    try
                    {
                        await controller.ObserveAsync(change, cancellationToken);
                    }
                    catch (StatusException)
                    {
                        // The object changed under the controller (gone, modified); the next event brings it back.
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A controller bug must not stop the others; it is reported, and the next event tries again.
                        await log.WriteLineAsync($"controller {controller.GetType().Name} failed on {change.Type} {change.GroupResource} {change.Object.Name()}: {e}");
                    }
                }
            }
        }
    }
}
