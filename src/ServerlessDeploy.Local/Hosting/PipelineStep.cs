namespace ServerlessDeploy.Local.Hosting;

/// <summary>One message handled by the local pipeline: which function did it, what it said, how long it took.</summary>
/// <param name="Stage">router, deployer or dead-letter.</param>
public sealed record PipelineStep(string Stage, string MessageId, bool Done, string Message, TimeSpan Took);
