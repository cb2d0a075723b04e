using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>The arguments and options the `sdeploy app` verbs share.</summary>
internal static class AppOptions
{
    public static Argument<string> File() => new("application") { Description = "The Application manifest (argoproj.io/v1alpha1)" };

    public static Option<string?> Kubeconfig() => new("--kubeconfig") { Description = "kubeconfig of the destination cluster" };

    public static Option<string?> Context() => new("--context") { Description = "kubeconfig context to use for the in-cluster destination" };

    public static Option<string> Output(params string[] formats)
    {
        var option = new Option<string>("--output", "-o") { Description = "Output format", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
