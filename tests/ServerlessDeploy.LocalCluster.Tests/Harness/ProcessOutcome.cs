namespace ServerlessDeploy.LocalCluster.Tests.Harness;

/// <summary>How a finished process ended: its exit code and everything it wrote.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
