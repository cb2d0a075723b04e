using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>Rollout transitions told: one notice each, an EventBridge event and a chat message (every channel of the notifier).</summary>
public sealed partial class Deployer
{
    /// <summary>
    /// Tells each transition of the drives once. Its mark (<see cref="TransitionNotices.Mark"/>) is taken before the notice
    /// goes out, so a redelivered message tells nothing twice, at the price that a crash between the two loses that one
    /// notice. A notice that cannot be sent, or whose mark cannot be taken, is recorded on the status as a sync's is and
    /// never fails the work, which is done by now.
    /// </summary>
    /// <param name="recorded">The app's status exactly as last written.</param>
    /// <returns>The status as last written, and the last notice that could not be sent (null when every one was).</returns>
    private async Task<(AppState Recorded, NoticeFailure? Failure)> TellTransitionsAsync(AppState recorded, string madeBy, IEnumerable<RolloutDriveResult> drives, CancellationToken cancellationToken)
    {
        NoticeFailure? failure = null;
        foreach (var drive in drives)
        {
            for (var index = 0; index < drive.Transitions.Length; index++)
            {
                var transition = drive.Transitions[index];
                var notification = TransitionNotices.Of(recorded, drive, transition, time.GetUtcNow());
                NoticeFailure? sent;
                try
                {
                    var mark = TransitionNotices.Mark(recorded.App, drive, madeBy, index, transition);
                    if (!await store.Marks.TryMarkDoneAsync(mark, time.GetUtcNow() + settings.IdempotencyWindow, cancellationToken))
                    {
                        continue;
                    }

                    sent = await Notices.SendAsync(recorded, notification, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    sent = new NoticeFailure(notification.Kind.ToState(), $"the notice could not be told once: {e.Message}", time.GetUtcNow());
                }

                recorded = recorded with { FailedNotice = sent };
                failure = sent ?? failure;
            }
        }

        return (recorded, failure);
    }
}
