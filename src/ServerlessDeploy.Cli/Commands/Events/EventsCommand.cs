using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.Events;

/// <summary>`sdeploy events`: the event pipeline run locally.</summary>
internal static class EventsCommand
{
    public static Command Build(TextWriter output, TextWriter errors) =>
        new("events", "Run events through the pipeline locally") { EventsReplay.Build(output, errors) };
}
