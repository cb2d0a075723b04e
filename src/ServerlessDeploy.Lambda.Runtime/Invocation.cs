namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>One invocation: its context and the raw event body.</summary>
public sealed record Invocation(InvocationContext Context, byte[] Event);
