namespace ServerlessDeploy.State;

/// <summary>
/// The notice about an app's last operation that could not be sent (a chat webhook answered an error or did not answer,
/// EventBridge refused the event). It changes nothing about the operation's outcome; it stays on the app's status until
/// a later notice is sent.
/// </summary>
/// <param name="Notice">Which notice was not sent.</param>
/// <param name="Error">Each failed channel with its error, as the notifiers word them: never a webhook URL or a credential.</param>
/// <param name="At">When sending it failed.</param>
public sealed record NoticeFailure(NoticeKind Notice, string Error, DateTimeOffset At)
{
    /// <summary>One line for logs and answers.</summary>
    public string Describe() => $"the {Notice} notice was not sent: {Error}";
}
