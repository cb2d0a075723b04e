namespace ServerlessDeploy.Testing.RuntimeApi;

/// <summary>An event the local Runtime API hands out on the next GET.</summary>
public sealed record QueuedEvent(string RequestId, long DeadlineMs, string Body, string? FunctionArn = null, string? TraceId = null);
