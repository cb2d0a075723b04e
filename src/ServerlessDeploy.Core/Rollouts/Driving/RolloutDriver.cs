using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// Drives one Rollout as the Argo Rollouts controller would, with nothing running between calls: look, decide, write,
/// and again, until it must wait for a person, or for a time past <see cref="RolloutDriveLimits.StopBy"/>. Waits
/// within the limits (ReplicaSets becoming available, a short timed pause) are waited here. Refuses to act when an
/// Argo Rollouts controller is active on the cluster.
/// </summary>
public sealed class RolloutDriver(IClusterClient cluster, TimeProvider time)
{
    // Pods become available moments after a scale: the first looks come soon, later ones every 200 ms.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    // Each pass that writes is followed by another; a reconcile that never settles is a bug, not a rollout.
    private const int MaxPassesWithoutWaiting = 50;

    public async Task<RolloutDriveResult> DriveAsync(string ns, string name, RolloutDriveLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (types, problem) = await RolloutTypes.FindAsync(cluster, cancellationToken);
        if (types is null)
        {
            return Stopped(ns, name, RolloutDriveEnd.Blocked, problem ?? "", null, [], null);
        }

        var observer = new RolloutObserver(cluster, types);
        var look = await observer.LookAsync(ns, name, cancellationToken);
        if (!look.Seen)
        {
            return Stopped(ns, name, RolloutDriveEnd.Blocked, look.Problem, null, [], null);
        }

        if (await ControllerEvidenceAsync(types, look.Observation.Rollout, cancellationToken) is { } evidence)
        {
            return Stopped(ns, name, RolloutDriveEnd.Refused, evidence, null, [], look.Observation.Rollout);
        }

        return await PassesAsync(ns, name, observer, new RolloutWriter(cluster, types), look, limits, cancellationToken);
    }

    /// <summary>Decide and write, look again, until a pass says to stop; starting from a look already made.</summary>
    private async Task<RolloutDriveResult> PassesAsync(
        string ns, string name, RolloutObserver observer, RolloutWriter writer, RolloutLook look, RolloutDriveLimits limits, CancellationToken cancellationToken)
    {
        var transitions = ImmutableArray.CreateBuilder<RolloutTransition>();
        var (passes, polls) = (0, 0);
        EvictionHold? hold = null;
        while (look.Seen)
        {
            var rollout = look.Observation.Rollout;
            var now = time.GetUtcNow();
            hold = hold is not null && hold.Holds(look.Observation, now) ? hold : null;
            var decision = RolloutReconciler.Decide(look.Observation with { EvictionsHeld = hold is not null }, now);
            var written = await writer.WriteAsync(rollout, decision.Writes, cancellationToken);
            hold = written.Refused is { } refused ? EvictionHold.After(look.Observation, now, refused) : hold;
            if (written.Stop is { Conflict: false } stop)
            {
                return Stopped(ns, name, RolloutDriveEnd.Blocked, stop.Problem, null, transitions.ToImmutable(), rollout);
            }

            var next = written.Stop is null ? await NextAsync(decision.Next, limits, polls, hold, cancellationToken) : new Next(Pace.Reobserve);
            transitions.AddRange(written.Stop is null ? decision.Transitions : []);
            look = await observer.LookAsync(ns, name, cancellationToken);
            if (next.Wait is null)
            {
                // A stop: the look just made shows the status just written.
                return Stopped(ns, name, next.End, next.Message, next.WakeAt, transitions.ToImmutable(), look.Observation?.Rollout ?? rollout) with { WaitingFor = next.WaitingFor };
            }

            (passes, polls) = next.Wait == Pace.Reobserve ? (passes + 1, 0) : (0, polls + 1);
            if (passes > MaxPassesWithoutWaiting)
            {
                return Stopped(ns, name, RolloutDriveEnd.Blocked, $"Rollout {ns}/{name} did not settle after {MaxPassesWithoutWaiting} passes that each wrote", null, transitions.ToImmutable(), rollout);
            }
        }

        return Stopped(ns, name, RolloutDriveEnd.Blocked, look.Problem ?? "", null, transitions.ToImmutable(), null);
    }

    /// <summary>What follows a pass: another at once, another after a wait made here, or a stop.</summary>
    /// <param name="hold">Evictions held after a refusal, named in the stop while pods wait to be restarted.</param>
    private async Task<Next> NextAsync(RolloutWait wait, RolloutDriveLimits limits, int polls, EvictionHold? hold, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (wait)
        {
            case RolloutWait.Reobserve:
                return new Next(Pace.Reobserve);
            case RolloutWait.Done:
                return Next.Stop(RolloutDriveEnd.Healthy, "every step is done");
            case RolloutWait.Person { WakeAt: { } restartAt } when limits.StopBy is not { } by || restartAt <= by:
                // A restart set for later within the limits is waited for here, as a timed pause is; the person still decides the rest.
                await DelayAsync(restartAt - now, cancellationToken);
                return new Next(Pace.Waited);
            case RolloutWait.Person person:
                return Next.Stop(person.Hold is RolloutHold.Aborted or RolloutHold.ProgressDeadlineExceeded ? RolloutDriveEnd.Degraded : RolloutDriveEnd.Paused, person.Reason, person.WakeAt);
            case RolloutWait.Blocked blocked:
                return Next.Stop(RolloutDriveEnd.Blocked, blocked.Reason);
            case RolloutWait.Until until:
                if (limits.StopBy is { } stopBy && until.At > stopBy)
                {
                    return Next.Stop(RolloutDriveEnd.Waiting, $"{until.Reason} at {until.At:O}", until.At) with { WaitingFor = until.For };
                }

                await DelayAsync(until.At - now, cancellationToken);
                return new Next(Pace.Waited);
            case RolloutWait.ReplicaSets replicaSets:
                var pause = polls < 3 ? FirstPoll * Math.Pow(2, polls) : Poll;
                if (limits.StopBy is { } stop && now + pause >= stop)
                {
                    var wakeAt = now + limits.LookAgainAfter;
                    var waiting = hold is null ? "waiting for ReplicaSets to become available" : $"waiting for ReplicaSets to become available; {hold.Reason}";
                    return Next.Stop(RolloutDriveEnd.Waiting, waiting, replicaSets.Deadline is { } deadline && deadline < wakeAt ? deadline : wakeAt)
                        with { WaitingFor = RolloutWaitingFor.ReplicaSets };
                }

                await DelayAsync(replicaSets.Deadline is { } due && due - now < pause ? due - now : pause, cancellationToken);
                return new Next(Pace.Waited);
            default:
                throw new InvalidOperationException($"no handling for {wait.GetType().Name}");
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;

    /// <summary>An active Argo Rollouts controller's trace, named; Leases that cannot be listed (no RBAC) are no evidence.</summary>
    private async Task<string?> ControllerEvidenceAsync(RolloutTypes types, JsonObject rollout, CancellationToken cancellationToken)
    {
        var leases = types.Lease is { } lease && await cluster.ListAsync(lease, null, null, cancellationToken) is { Succeeded: true } listed
            ? (listed.Body?["items"] as JsonArray ?? []).OfType<JsonObject>()
            : [];
        return RolloutsControllerEvidence.Find(rollout, leases, time.GetUtcNow());
    }

    private static RolloutDriveResult Stopped(
        string ns, string name, RolloutDriveEnd end, string message, DateTimeOffset? wakeAt, ImmutableArray<RolloutTransition> transitions, JsonObject? rollout) =>
        new(ns, name, end, message, wakeAt, transitions, rollout is null ? RolloutProgress.Unknown : ProgressOf(rollout), rollout is null ? null : RolloutHealth.Assess(rollout));

    private static RolloutProgress ProgressOf(JsonObject rollout)
    {
        var status = rollout["status"];
        var steps = rollout["spec"]?["strategy"]?["canary"]?["steps"] as JsonArray;
        return new RolloutProgress(
            RolloutJson.Text(status?["phase"]), RolloutJson.Text(status?["message"]), RolloutJson.Int(status?["currentStepIndex"]), steps?.Count ?? 0, RolloutJson.Bool(status?["abort"]));
    }

    private enum Pace
    {
        Reobserve,
        Waited,
    }

    private sealed record Next(Pace? Wait, RolloutDriveEnd End = RolloutDriveEnd.Blocked, string Message = "", DateTimeOffset? WakeAt = null)
    {
        public RolloutWaitingFor? WaitingFor { get; init; }

        public static Next Stop(RolloutDriveEnd end, string message, DateTimeOffset? wakeAt = null) => new(null, end, message, wakeAt);
    }
}
