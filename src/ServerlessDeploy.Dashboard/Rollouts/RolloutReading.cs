using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>A Rollout as read live, or why it could not be (the cluster unreachable, the Rollout missing).</summary>
public sealed record RolloutReading(RolloutName Rollout, RolloutInfo? Info, string? Problem)
{
    public static RolloutReading Read(RolloutName rollout, RolloutInfo info) => new(rollout, info, null);

    public static RolloutReading Unread(RolloutName rollout, string problem) => new(rollout, null, problem);
}
