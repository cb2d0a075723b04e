namespace ServerlessDeploy.Rendering.Processes;

/// <summary>Runs a program to completion with arguments (no shell), capturing its output.</summary>
public interface IProcessRunner
{
    Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken);
}
