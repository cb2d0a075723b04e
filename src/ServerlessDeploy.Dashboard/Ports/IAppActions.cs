using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// Where the dashboard's actions go: the same intake requests as the CLI's <c>--remote</c> (sync, rollback, refresh,
/// Rollout actions), handed to the pipeline. It answers once the request is accepted, never when the operation ends:
/// locally the pipeline carries it out in the background; in AWS it goes on the intake queue.
/// </summary>
public interface IAppActions
{
    Task<ActionReceipt> SubmitAsync(Trigger request, CancellationToken cancellationToken);
}
