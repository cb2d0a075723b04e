using System.CommandLine;
using System.Runtime.InteropServices;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// Ctrl+C (SIGINT) for the commands that serve until interrupted (`sdeploy ui`, `sdeploy demo [--serve]`), wherever they
/// were started from. A non-interactive shell starts its background jobs (`sdeploy ui … &`) with SIGINT ignored, and .NET
/// keeps an ignored signal ignored, so the signal never reached the command's cancellation and the server ran on. Those
/// commands put SIGINT back to its default before .NET starts listening for it; .NET then turns it into the cancellation
/// they stop on, and they exit 0.
/// </summary>
internal static class InterruptSignal
{
    private const int SigInt = 2;

    private const nint DefaultDisposition = 0;

    /// <summary>Call before the command is invoked: the invocation is where .NET starts listening for SIGINT.</summary>
    public static void RestoreFor(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && parse.CommandResult.Command.Name is UiCommand.Name or Demo.DemoCommand.Name)
        {
            _ = Signal(SigInt, DefaultDisposition);
        }
    }

    /// <summary>signal(2): SIGINT is 2 on Linux and macOS.</summary>
    [DllImport("libc", EntryPoint = "signal")]
    private static extern nint Signal(int signal, nint disposition);
}
