namespace ServerlessDeploy.Pipeline.Handling;

/// <summary>
/// What became of a message: Done deletes it; otherwise it stays on the queue (a batch item failure) and comes back,
/// reaching the dead-letter queue after maxReceiveCount receives with <see cref="Message"/> recorded as its last error.
/// </summary>
/// <param name="Warning">Done, but with something an operator should see (a rejected event, a notice that could not be
/// sent): hosts log it as a warning, not as information.</param>
public sealed record MessageResult(bool Done, string Message, bool Warning = false)
{
    /// <summary>A metric this result adds one to (a dropped wake-up); hosts count it, in Lambda as an embedded metric.</summary>
    public string? Counts { get; init; }

    public static MessageResult Handled(string message) => new(true, message);

    /// <summary>Done and never retried, logged as a warning.</summary>
    public static MessageResult HandledWithWarning(string message) => new(true, message, Warning: true);

    public static MessageResult Failed(string message) => new(false, message);
}
