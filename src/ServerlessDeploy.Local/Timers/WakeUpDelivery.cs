using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Local.Timers;

/// <summary>
/// Hands the wake-ups due by a given time to a delegate (the deployer), earliest first. A wake-up is off the table
/// before it is delivered, so two processes never deliver it both; if the delegate throws, that wake-up and those not
/// yet delivered go back on the table at their own times before the exception goes on, so none is lost.
/// </summary>
internal static class WakeUpDelivery
{
    public static async Task<int> DeliverDueAsync(
        SqliteTimers timers, Func<WakeUp, CancellationToken, Task> deliver, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await timers.DueAsync(now, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < due.Count; i++)
        {
            try
            {
                await deliver(due[i].WakeUp, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                foreach (var (wakeUp, dueAt) in due.Skip(i))
                {
                    await timers.BookAsync(wakeUp, dueAt, CancellationToken.None).ConfigureAwait(false);
                }

                throw;
            }
        }

        return due.Count;
    }
}
