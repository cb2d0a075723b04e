namespace ServerlessDeploy.Lambda.Runtime.Tests;

/// <summary>An event the fake Runtime API hands out on the next GET.</summary>
internal sealed record QueuedEvent(string RequestId, long DeadlineMs, string Body, string? FunctionArn = null, string? TraceId = null);
