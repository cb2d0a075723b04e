using System.CommandLine;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Cli.Commands.Rollouts;

/// <summary>
/// `sdeploy rollouts &lt;verb&gt; rollout -n ns --app app --remote`: the action put on the deployed pipeline's intake
/// queue; the deployer applies it under the app's lease, drives the Rollout at once and records the caller as initiator.
/// </summary>
internal sealed class RolloutActRemote
{
    public RemoteOptions Remote { get; } = new();

    public Option<string?> App { get; } = new("--app") { Description = "With --remote: the Application the Rollout belongs to" };

    public IEnumerable<Option> Options => [Remote.Remote, Remote.QueueUrl, App];

    public bool Requested(ParseResult parse) => parse.GetValue(Remote.Remote);

    /// <summary>Refuses --app and --queue-url without --remote.</summary>
    public void RefuseLocal(ParseResult parse) => RemoteOptions.Refuse(parse, [Remote.QueueUrl, App], "needs --remote");

    public async Task<int> SendAsync(
        ParseResult parse, RolloutVerb verb, TimeSpan restartIn, string rollout, string? ns, IEnumerable<Option> localOnly, TextWriter output, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        RemoteOptions.Refuse(parse, localOnly, "does not apply with --remote: the pipeline acts with its own cluster access");
        var app = parse.GetValue(App) is { Length: > 0 } named ? RemoteOptions.AppName(named) : throw CliFailure.Input("--remote needs --app: the Application the Rollout belongs to");
        var target = ns is { Length: > 0 } given ? given : throw CliFailure.Input("--remote needs -n/--namespace: there is no kubeconfig context to take it from");
        var request = new RolloutActionRequested(app, target, rollout, verb, AppSyncRemote.Requester(environment)) { RestartIn = restartIn };
        var queue = IntakeQueue.Resolve(parse.GetValue(Remote.QueueUrl), environment);
        var messageId = await queue.SendAsync(ServerlessDeployRequestBody.For(request), cancellationToken);
        await output.WriteLineAsync($"{RolloutActionNames.Of(verb)} of Rollout {target}/{rollout} ({app}) sent to {queue.Url} (message {messageId})");
        return 0;
    }
}
