using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>`sdeploy app sync name --remote`: a sync request on the intake queue, which the pipeline routes like any trigger.</summary>
internal static class AppSyncRemote
{
    /// <summary>Who asked travels with the request into the sync history, as Argo CD records the initiating user.</summary>
    public static string Requester(Func<string, string?> environment) =>
        environment("USER") is { Length: > 0 } user ? user : "sdeploy";

    public static async Task<int> SendAsync(SyncRequested request, IntakeQueue queue, TextWriter output, CancellationToken cancellationToken)
    {
        var messageId = await queue.SendAsync(ServerlessDeployRequestBody.For(request), cancellationToken);
        await output.WriteLineAsync($"sync request for {request.App} sent to {queue.Url} (message {messageId})");
        return 0;
    }
}
