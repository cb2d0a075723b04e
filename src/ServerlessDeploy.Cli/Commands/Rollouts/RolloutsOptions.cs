using System.CommandLine;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>The argument and options the `sdeploy rollouts` verbs share (with --kubeconfig and --context from the app verbs).</summary>
internal static class RolloutsOptions
{
    public static Argument<string> Rollout() => new("rollout") { Description = "The Rollout's name" };

    public static Option<string?> Namespace() => new("--namespace", "-n") { Description = "The Rollout's namespace (default: the kubeconfig context's)" };

    public static Option<int> Timeout()
    {
        var option = new Option<int>("--timeout")
        {
            Description = "Seconds to drive the Rollout: timed pauses ending within them are waited",
            DefaultValueFactory = _ => 300,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds");
            }
        });
        return option;
    }
}
