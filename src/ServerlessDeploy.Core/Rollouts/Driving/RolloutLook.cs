using System.Diagnostics.CodeAnalysis;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>One look at a Rollout: what the reconciler needs, or why it cannot be driven now.</summary>
internal sealed record RolloutLook(RolloutObservation? Observation, string? Problem)
{
    [MemberNotNullWhen(true, nameof(Observation))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Seen => Observation is not null && Problem is null;

    public static RolloutLook Of(RolloutObservation observation) => new(observation, null);

    public static RolloutLook Failed(string problem) => new(null, problem);
}
