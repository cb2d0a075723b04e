using System.CommandLine;
using ServerlessDeploy.Cli.Commands;

namespace ServerlessDeploy.Cli;

/// <summary>The sdeploy command tree.</summary>
internal static class SdeployCommand
{
    public static RootCommand Build(TextWriter output, TextWriter errors) =>
        new("sdeploy: GitOps deployments to Kubernetes from Git, driven by events")
        {
            Commands.App.AppCommand.Build(output, errors),
            Commands.Rollouts.RolloutsCommand.Build(output, errors),
            ClusterCommand.Build(output, errors),
            HealthCommand.Build(output, errors),
            Commands.Events.EventsCommand.Build(output, errors),
            Commands.Demo.DemoCommand.Build(output, errors),
            Commands.Ui.UiCommand.Build(output, errors),
            Commands.VersionCommand.Build(output, errors),
        };
}
