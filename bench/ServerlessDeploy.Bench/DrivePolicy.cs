namespace ServerlessDeploy.Bench;

/// <summary>How long one deployer invocation may drive before it books a wake-up and returns.</summary>
/// <param name="Name">How the tables name it.</param>
/// <param name="Budget">From the invocation's start to its stop; zero waits for nothing within an invocation.</param>
internal sealed record DrivePolicy(string Name, TimeSpan Budget)
{
    /// <summary>
    /// As deployed: the deployer's 900 s timeout (infra InfraSettings.DeployerDefaults) less the 20 s it keeps to
    /// record and answer (PipelineSettings.DeadlineMargin). Waits shorter than that are waited, and billed.
    /// </summary>
    public static DrivePolicy WaitsWithin { get; } = new("waits within (as deployed)", TimeSpan.FromSeconds(900 - 20));

    /// <summary>Every wait ends the invocation with a wake-up booked: billed for work only, one invocation per wait.</summary>
    public static DrivePolicy StopsAtEachWait { get; } = new("stops at each wait", TimeSpan.Zero);
}
