namespace ServerlessDeploy.Core.Triggers;

/// <summary>The verdict on one webhook delivery and its reason, with the trigger when the delivery is one.</summary>
public sealed record WebhookOutcome(WebhookVerdict Verdict, string Message, Trigger? Trigger = null);
