using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>The options of a verb that can send its request to a deployed pipeline's intake queue instead of acting here.</summary>
internal sealed class RemoteOptions
{
    public Option<bool> Remote { get; } = new("--remote") { Description = "Put the request on the deployed pipeline's intake queue" };

    public Option<string?> QueueUrl { get; } = new("--queue-url") { Description = $"The intake queue's URL (default: ${IntakeQueue.QueueUrlVariable})" };

    /// <summary>Whether the user wrote the option on the command line, as opposed to it taking its default.</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Refuses the first of <paramref name="options"/> given, with why it does not apply.</summary>
    public static void Refuse(ParseResult parse, IEnumerable<Option> options, string why)
    {
        if (options.FirstOrDefault(o => Given(parse, o)) is { } given)
        {
            throw CliFailure.Input($"{given.Name} {why}");
        }
    }

    /// <summary>With --remote the argument names the Application; a path is the likely slip of passing the manifest.</summary>
    public static string AppName(string argument) =>
        argument.Contains('/', StringComparison.Ordinal) || argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? throw CliFailure.Input($"with --remote the argument is the Application's name, not a file: '{argument}'")
            : argument;
}
