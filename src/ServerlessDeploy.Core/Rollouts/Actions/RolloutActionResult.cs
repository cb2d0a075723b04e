using System.Collections.Immutable;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>How sending a verb's patches ended.</summary>
public enum RolloutActionOutcome
{
    /// <summary>Every patch was made (a promotion with nothing to do makes none).</summary>
    Applied,

    /// <summary>Nothing was sent: the cluster serves no Rollout kind or cannot be reached, or the Rollout is missing or cannot be driven here.</summary>
    Refused,

    /// <summary>A patch failed; the ones listed in <see cref="RolloutActionResult.Sent"/> were made before it.</summary>
    Failed,
}

/// <summary>One sent patch: to the status subresource or to the object, and its JSON.</summary>
public sealed record RolloutPatchSent(bool StatusSubresource, string Patch)
{
    public override string ToString() => $"{(StatusSubresource ? "status" : "object")} {Patch}";
}

/// <summary>The outcome of one verb on one Rollout, the patches sent, and the problem when it was not applied.</summary>
public sealed record RolloutActionResult(RolloutActionOutcome Outcome, ImmutableArray<RolloutPatchSent> Sent, string Problem)
{
    public static RolloutActionResult Refused(string problem) => new(RolloutActionOutcome.Refused, [], problem);
}
