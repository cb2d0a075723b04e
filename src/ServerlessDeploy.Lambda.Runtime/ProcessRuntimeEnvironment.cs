namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>The real process environment.</summary>
public sealed class ProcessRuntimeEnvironment : IRuntimeEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
