using System.CommandLine;
using System.Globalization;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>
/// `sdeploy app rollback name [history-id] --remote [--force] [--queue-url u]`: a rollback request on the intake queue.
/// The deployer re-renders the recorded commit with the recorded image overrides, and refuses while automated sync
/// is on unless forced, as Argo CD does. Only the remote form exists: the history lives with the deployed pipeline.
/// </summary>
internal static class AppRollback
{
    public static Command Build(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        var app = new Argument<string>("application") { Description = "The Application's name" };
        var historyId = new Argument<long?>("history-id")
        {
            Description = "The history entry to return to (default: the one before the current)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = PositiveId,
        };
        var force = new Option<bool>("--force") { Description = "Roll back even while automated sync is on" };
        var remote = new RemoteOptions();
        var command = new Command("rollback", "Ask the deployed pipeline to roll an Application back to a history entry") { app, historyId, force, remote.Remote, remote.QueueUrl };
        command.SetAction((parse, cancellationToken) => AppContext.RunAsync(errors, async () =>
        {
            if (!parse.GetValue(remote.Remote))
            {
                throw CliFailure.Input("rollback needs --remote for now: the history lives with the deployed pipeline (locally, see `sdeploy events replay --state`)");
            }

            var request = new RollbackRequested(RemoteOptions.AppName(parse.GetRequiredValue(app)), parse.GetValue(historyId), parse.GetValue(force));
            var queue = IntakeQueue.Resolve(parse.GetValue(remote.QueueUrl), environment);
            var messageId = await queue.SendAsync(ServerlessDeployRequestBody.For(request), cancellationToken);
            await output.WriteLineAsync($"rollback request for {request.App} to {Target(request)} sent to {queue.Url} (message {messageId})");
            return 0;
        }));
        return command;
    }

    private static string Target(RollbackRequested request) =>
        (request.HistoryId is { } id ? $"history entry {id.ToString(CultureInfo.InvariantCulture)}" : "the previous history entry")
        + (request.Force ? ", forced" : "");

    private static long? PositiveId(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var token = result.Tokens[0].Value;
        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        result.AddError($"history-id must be a positive integer, not '{token}'");
        return null;
    }
}
