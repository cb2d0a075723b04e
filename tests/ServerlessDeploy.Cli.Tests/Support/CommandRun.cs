namespace ServerlessDeploy.Cli.Tests.Support;

/// <summary>What one sdeploy command printed and returned.</summary>
internal sealed record CommandRun(int Exit, string Output, string Errors)
{
    public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Errors}";
}
