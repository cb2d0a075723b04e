namespace ServerlessDeploy.Infra.Bundling;

/// <summary>Runs a program to completion (no shell), with its output and errors captured together in arrival order.</summary>
public interface IProcessRunner
{
    ProcessResult Run(string program, IReadOnlyList<string> arguments, string workingDirectory);
}
