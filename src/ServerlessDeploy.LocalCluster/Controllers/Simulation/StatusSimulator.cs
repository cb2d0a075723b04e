using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>
/// Runs the status rules of the simulated kinds: when an object shows a change its controller has not acted on, the
/// rule's steps are written through the store's status path, each after its delay, so watchers see MODIFIED events.
/// Waiting never blocks the controller loop: delays are timers on the cluster's clock, and a step re-reads the object
/// when it fires and does nothing when the object has gone or changed again (a newer plan then holds).
/// </summary>
internal sealed class StatusSimulator(ClusterState cluster, SimulationTiming timing, TextWriter log, IReadOnlyList<ISimulatedKind> kinds) : IController
{
    private readonly Dictionary<string, ISimulatedKind> _kinds = kinds.ToDictionary(k => k.GroupResource, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Plan> _plans = new(StringComparer.Ordinal);

    public Task ObserveAsync(WatchEvent change, CancellationToken cancellationToken)
    {
        if (!_kinds.TryGetValue(change.GroupResource, out var kind))
        {
            return Task.CompletedTask;
        }

        var target = Target.Of(change);
        if (change.Type == "DELETED" || change.Object.IsDeleting())
        {
            Cancel(target.Key);
            return Task.CompletedTask;
        }

        if (!kind.Wants(change.Object) || (_plans.TryGetValue(target.Key, out var running) && running.Target == target))
        {
            return Task.CompletedTask;
        }

        Cancel(target.Key);
        var plan = new Plan(target, kind, kind.Plan(change.Object, timing), CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        _plans[target.Key] = plan;

        // Every timer starts before the first write: whoever sees that write and then moves the clock on moves these too.
        var waits = plan.Steps.Select(s => s.After > TimeSpan.Zero ? Task.Delay(s.After, cluster.Time, plan.Stop.Token) : Task.CompletedTask).ToArray();
        // On the thread pool, not in the controller loop: plans of different objects run side by side, as
        // kube-controller-manager's workers do, so a thousand new Deployments do not queue behind each other.
        _ = Task.Run(() => RunAsync(plan, waits), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task RunAsync(Plan plan, Task[] waits)
    {
        try
        {
            for (var i = 0; i < plan.Steps.Count; i++)
            {
                await waits[i];
                if (!Write(plan, plan.Steps[i], first: i == 0))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Superseded by a newer plan, or the server is stopping.
        }
        catch (StatusException)
        {
            // The object changed under the step; the change's own event plans again.
        }
        catch (Exception e)
        {
            await log.WriteLineAsync($"controller simulation failed on {plan.Target.GroupResource} {plan.Target.Namespace}/{plan.Target.Name}: {e}");
        }
        finally
        {
            if (_plans.TryRemove(new KeyValuePair<string, Plan>(plan.Target.Key, plan)))
            {
                plan.Stop.Dispose();
            }
        }
    }

    /// <summary>
    /// Writes one step's status when the object is still the one planned for, and (for the first step) still wants the
    /// work: someone else may have written the status meanwhile. False when the plan no longer holds.
    /// </summary>
    private bool Write(Plan plan, StatusStep step, bool first)
    {
        var target = plan.Target;
        if (Finalizing.TypeOf(cluster, target.GroupResource) is not { } type)
        {
            return false;
        }

        var stillPlanned = true;
        cluster.Store.Change(type, target.Namespace, target.Name, current =>
        {
            // Set on every run: the store decides again when the object changed meanwhile.
            stillPlanned = true;
            if (current is null || Target.Of(target.GroupResource, current) != target || current.IsDeleting() || (first && !plan.Kind.Wants(current)))
            {
                stillPlanned = false;
                return new StoreChange.Keep(current ?? []);
            }

            if (step.Status(current, cluster.Now) is not { } status)
            {
                return new StoreChange.Keep(current);
            }

            return Decide(type, current, step.Edit, status);
        }, dryRun: false);
        return stillPlanned;
    }

    /// <summary>The status write, with the step's edit of the object in the same write when it has one.</summary>
    private static StoreChange Decide(ResourceType type, JsonObject current, Action<JsonObject>? edit, JsonObject status)
    {
        var next = (JsonObject)current.DeepClone();
        next["status"] = status.DeepClone();
        if (edit is not null)
        {
            // An update of the object keeps the stored status, so the new one goes on what was decided.
            edit(next);
            if (UpdateDecision.Decide(type, current, next, subresource: null) is StoreChange.Write write)
            {
                write.Object["status"] = status;
                return write;
            }

            next = (JsonObject)current.DeepClone();
            next["status"] = status;
        }

        return UpdateDecision.Decide(type, current, next, "status");
    }

    private void Cancel(string key)
    {
        if (_plans.TryRemove(key, out var plan))
        {
            plan.Stop.Cancel();
            plan.Stop.Dispose();
        }
    }

    /// <summary>One object at one generation: a plan holds while the object is still this one.</summary>
    private sealed record Target(string GroupResource, string Namespace, string Name, string Uid, long Generation)
    {
        public string Key => $"{GroupResource}/{Uid}";

        public static Target Of(WatchEvent change) => Of(change.GroupResource, change.Object);

        public static Target Of(string groupResource, JsonObject obj) =>
            new(groupResource, obj.Namespace(), obj.Name(), obj.Uid(), Workloads.Generation(obj));
    }

    private sealed record Plan(Target Target, ISimulatedKind Kind, IReadOnlyList<StatusStep> Steps, CancellationTokenSource Stop);
}
