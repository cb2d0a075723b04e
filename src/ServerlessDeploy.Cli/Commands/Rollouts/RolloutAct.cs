using System.CommandLine;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts promote|abort|retry|pause|resume|restart rollout -n ns --kubeconfig k [--timeout s]`: the verb's
/// patches as the Argo Rollouts kubectl plugin sends them, then — there being no controller locally — the Rollout
/// driven until it waits for a person, or for a time past --timeout. Nothing is patched when the Rollout cannot be acted on.
/// With --remote the action goes to the deployed pipeline instead (<see cref="RolloutActRemote"/>).
/// </summary>
internal static class RolloutAct
{
    public static Command Build(string name, string description, RolloutVerb verb, TextWriter output, TextWriter errors, Func<string, string?> environment) =>
        Build(name, description, _ => (verb, TimeSpan.Zero), [], output, errors, environment);

    /// <summary>`promote [--full]`: the verb whose patches an option changes.</summary>
    public static Command BuildPromote(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var full = new Option<bool>("--full") { Description = "Skip every step, pause and analysis left, straight to the new revision" };
        return Build("promote", "Promote a paused Rollout, or move it on one step", parse => (parse.GetValue(full) ? RolloutVerb.PromoteFull : RolloutVerb.Promote, TimeSpan.Zero), [full], output, errors, environment);
    }

    /// <summary>`restart [--in duration]`: spec.restartAt set to now, or that much later, as the plugin sets it.</summary>
    public static Command BuildRestart(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var delay = new Option<string?>("--in", "-i") { Description = "Amount of time before a restart (e.g. 30s, 5m, 1h; a bare number is seconds)" };
        return Build(
            "restart", "Restart a Rollout's pods (spec.restartAt), as many at a time as maxUnavailable allows",
            parse => (RolloutVerb.Restart, parse.GetValue(delay) is not { } text ? TimeSpan.Zero
                : RestartDelay.Parse(text) ?? throw CliFailure.Input($"--in '{text}' is not a duration (e.g. 30s, 5m, 1h)")),
            [delay], output, errors, environment);
    }

    private static Command Build(
        string name, string description, Func<ParseResult, (RolloutVerb Verb, TimeSpan RestartIn)> ask, Option[] extra, TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var (rollout, ns, kubeconfig, context, timeout) = (RolloutsOptions.Rollout(), RolloutsOptions.Namespace(), AppOptions.Kubeconfig(), AppOptions.Context(), RolloutsOptions.Timeout());
        var remote = new RolloutActRemote();
        var command = new Command(name, description) { rollout, ns, kubeconfig, context, timeout };
        foreach (var option in extra.Concat(remote.Options))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => App.AppContext.RunAsync(errors, async () =>
        {
            var ((verb, restartIn), rolloutName) = (ask(parse), parse.GetRequiredValue(rollout));
            if (remote.Requested(parse))
            {
                return await remote.SendAsync(parse, verb, restartIn, rolloutName, parse.GetValue(ns), [kubeconfig, context, timeout], output, environment, cancellationToken);
            }

            remote.RefuseLocal(parse);
            var target = RolloutTarget.Resolve(parse.GetValue(kubeconfig), parse.GetValue(context), parse.GetValue(ns));
            var acted = await new RolloutActor(target.Cluster, TimeProvider.System).ActAsync(target.Namespace, rolloutName, verb, restartIn, cancellationToken);
            if (acted.Outcome != RolloutActionOutcome.Applied)
            {
                var sent = acted.Sent.IsEmpty ? "" : $" (sent before it: {string.Join("; ", acted.Sent)})";
                throw CliFailure.Operation(acted.Problem + sent);
            }

            await output.WriteLineAsync(RolloutDriveReport.Acted(rolloutName, verb, restartIn, acted));
            var stopBy = TimeProvider.System.GetUtcNow().AddSeconds(parse.GetValue(timeout));
            var driven = await new RolloutDriver(target.Cluster, TimeProvider.System).DriveAsync(target.Namespace, rolloutName, RolloutDriveLimits.Until(stopBy), cancellationToken);
            await output.WriteAsync(RolloutDriveReport.Render(driven));
            if (RolloutDriveReport.Failure(verb, driven) is { } failure)
            {
                await errors.WriteLineAsync($"error: {failure}");
                return 1;
            }

            return 0;
        }));
        return command;
    }
}
