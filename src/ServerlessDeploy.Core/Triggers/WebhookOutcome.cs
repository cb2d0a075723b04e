namespace ServerlessDeploy.Core.Triggers;

/// <summary>The HTTP answer to one webhook delivery, with the trigger when the delivery is one.</summary>
public sealed record WebhookOutcome(int StatusCode, string Message, Trigger? Trigger = null);
