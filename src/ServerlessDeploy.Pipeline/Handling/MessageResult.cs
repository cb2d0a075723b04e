namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// What became of a message: Done deletes it; otherwise it stays on the queue (a batch item failure) and comes back,
/// reaching the dead-letter queue after maxReceiveCount receives with <see cref="Message"/> recorded as its last error.
/// </summary>
public sealed record MessageResult(bool Done, string Message)
{
    public static MessageResult Handled(string message) => new(true, message);

    public static MessageResult Failed(string message) => new(false, message);
}
