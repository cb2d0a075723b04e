namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>One clear message and the exit code for it: 2 for invalid input, 1 for an operation that failed.</summary>
internal sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliFailure Input(string message) => new(2, message);

    public static CliFailure Operation(string message) => new(1, message);
}
