using System.CommandLine;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts get|promote|abort|retry|pause|resume|restart`: the Argo Rollouts kubectl plugin's verbs on any
/// kubeconfig. With no controller to act on the patch, each verb but get also drives the Rollout itself.
/// </summary>
internal static class RolloutsCommand
{
    public static Command Build(TextWriter output, TextWriter errors) =>
        new("rollouts", "Inspect, promote, abort, retry, pause, resume and restart Argo Rollouts, driving them locally")
        {
            RolloutGet.Build(output, errors),
            RolloutAct.BuildPromote(output, errors, Environment.GetEnvironmentVariable),
            RolloutAct.Build("abort", "Abort a Rollout: back to the stable ReplicaSet", RolloutVerb.Abort, output, errors, Environment.GetEnvironmentVariable),
            RolloutAct.Build("retry", "Retry an aborted Rollout", RolloutVerb.Retry, output, errors, Environment.GetEnvironmentVariable),
            RolloutAct.Build("pause", "Pause a Rollout (spec.paused)", RolloutVerb.Pause, output, errors, Environment.GetEnvironmentVariable),
            RolloutAct.Build("resume", "Resume a paused Rollout without moving on a step (Argo CD's resume action)", RolloutVerb.Resume, output, errors, Environment.GetEnvironmentVariable),
            RolloutAct.BuildRestart(output, errors, Environment.GetEnvironmentVariable),
        };
}
