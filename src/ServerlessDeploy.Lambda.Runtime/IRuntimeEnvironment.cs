namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>The process environment the runtime reads (AWS_LAMBDA_RUNTIME_API and friends), behind an interface so tests never touch real variables.</summary>
public interface IRuntimeEnvironment
{
    /// <summary>The value of an environment variable, or null when it is not set.</summary>
    string? GetVariable(string name);
}
