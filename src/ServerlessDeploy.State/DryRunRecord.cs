namespace ServerlessDeploy.State;

/// <summary>
/// A dry run's result: a preview that changed nothing, so it is recorded beside the app's last operation, never over it.
/// </summary>
/// <param name="Revision">The commit the dry run rendered.</param>
/// <param name="Message">What it found, as the sync would have said it.</param>
public sealed record DryRunRecord(string Revision, bool Succeeded, string Message, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Initiator);
