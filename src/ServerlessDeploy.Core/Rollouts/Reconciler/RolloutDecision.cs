using System.Collections.Immutable;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>One reconcile's outcome: the writes in order, what to wait for next, and the transitions for notifications.</summary>
internal sealed record RolloutDecision(
    ImmutableArray<RolloutWrite> Writes,
    RolloutWait Next,
    ImmutableArray<RolloutTransition> Transitions);
