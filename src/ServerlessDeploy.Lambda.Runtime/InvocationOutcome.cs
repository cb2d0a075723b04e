namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>What one invocation ended as: a posted response (Error null) or a posted error.</summary>
internal sealed record InvocationOutcome(string RequestId, RuntimeError? Error)
{
    public bool Succeeded => Error is null;
}
