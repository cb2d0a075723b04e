using System.Collections.Immutable;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Tests.Rollouts.Reconciler;

/// <summary>Where driving the reconciler stopped: the cluster then, every decision on the way, and the last one.</summary>
internal sealed record RolloutDrive(TestCluster Cluster, ImmutableArray<RolloutDecision> Decisions)
{
    public RolloutDecision Last => Decisions[^1];

    public IEnumerable<RolloutTransition> Transitions => Decisions.SelectMany(decision => decision.Transitions);

    /// <summary>
    /// Reconciles until the Rollout waits for a person, is done or blocked: writes are applied and observed again; a
    /// timed wait moves the clock past it (or stops there when <paramref name="stopAtTime"/>); a wait on ReplicaSets
    /// that cannot progress moves the clock to the progress deadline.
    /// </summary>
    public static string Describe(RolloutDecision decision) =>
        string.Join("; ", decision.Writes.Select(write => write is RolloutWrite.WriteRolloutStatus status ? $"status {status.Status.ToJsonString()}" : write.ToString()))
        + $" → {decision.Next}";

    public static RolloutDrive Until(TestCluster cluster, bool stopAtTime = false, int limit = 60)
    {
        var decisions = ImmutableArray.CreateBuilder<RolloutDecision>();
        for (var i = 0; i < limit; i++)
        {
            var decision = cluster.Decide();
            decisions.Add(decision);
            cluster = cluster.Apply(decision);
            switch (decision.Next)
            {
                case RolloutWait.Reobserve:
                    continue;
                case RolloutWait.ReplicaSets { Deadline: { } deadline }:
                    cluster = cluster.At(deadline);
                    continue;
                case RolloutWait.Until until when !stopAtTime:
                    cluster = cluster.At(until.At);
                    continue;
                case RolloutWait.ReplicaSets:
                    Assert.Fail("waiting on ReplicaSets that cannot progress, with no deadline");
                    break;
            }

            return new RolloutDrive(cluster, decisions.ToImmutable());
        }

        Assert.Fail($"no rest after {limit} reconciles; first: {Describe(decisions[0])} second: {Describe(decisions[1])} last: {Describe(decisions[^1])}; status {cluster.Status.ToJsonString()}; replica sets {string.Join(", ", cluster.ReplicaSets.Values.Select(rs => rs.ToJsonString()))}");
        return new RolloutDrive(cluster, decisions.ToImmutable());
    }
}
