namespace ServerlessDeploy.Rendering.Processes;

/// <summary>How a tool run ended: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;
}
