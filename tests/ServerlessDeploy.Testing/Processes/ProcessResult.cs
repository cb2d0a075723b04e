namespace ServerlessDeploy.Testing.Processes;

/// <summary>How a finished process ended, and what it wrote.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything needed to see why a command did not do what a test expected.</summary>
    public override string ToString() => $"{Command} exited with {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
