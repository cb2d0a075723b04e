using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app render|diff|sync|get|rollback`: one Application at a time, against any kubeconfig or a deployed pipeline.</summary>
internal static class AppCommand
{
    public static Command Build(TextWriter output, TextWriter errors) =>
        new("app", "Render, diff, sync, inspect and roll back an Argo CD Application")
        {
            AppRender.Build(output, errors),
            AppDiff.Build(output, errors),
            AppSync.Build(output, errors, Environment.GetEnvironmentVariable),
            AppGet.Build(output, errors),
            AppRollback.Build(output, errors, Environment.GetEnvironmentVariable),
        };
}
