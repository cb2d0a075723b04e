namespace ServerlessDeploy.Pipeline.Notifications.Webhooks;

/// <summary>The chat services whose incoming webhooks a sync can be announced to.</summary>
public enum ChatService
{
    Slack,
    Teams,
    Discord,
}
