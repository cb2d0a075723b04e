using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app render|diff|sync|get`: one Application at a time, against any kubeconfig.</summary>
internal static class AppCommand
{
    public static Command Build(TextWriter output, TextWriter errors) =>
        new("app", "Render, diff, sync and inspect an Argo CD Application")
        {
            AppRender.Build(output, errors),
            AppDiff.Build(output, errors),
            AppSync.Build(output, errors),
            AppGet.Build(output, errors),
        };
}
