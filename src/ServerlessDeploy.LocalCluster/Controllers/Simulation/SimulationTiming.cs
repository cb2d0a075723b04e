using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Controllers.Simulation;

/// <summary>How long the simulated controllers take: to finish a rollout, and to give up on one that cannot finish.</summary>
/// <param name="Delay">From seeing a change to writing the finished status; zero writes it at once.</param>
/// <param name="FailureDeadline">When set, replaces a Deployment's spec.progressDeadlineSeconds for images that never become available.</param>
internal sealed record SimulationTiming(TimeSpan Delay, TimeSpan? FailureDeadline)
{
    /// <summary>The longest wait scheduled; anything longer (progressDeadlineSeconds up to int.MaxValue means "never") is not scheduled.</summary>
    public static TimeSpan Longest => LocalClusterOptions.LongestControllerWait;

    public static SimulationTiming From(LocalClusterOptions options) => new(options.ControllerDelay, options.FailureDeadline);
}
