using ServerlessDeploy.Pipeline.Notifications.Webhooks;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>A chat service to announce syncs to and the SSM SecureString parameter holding its webhook URL.</summary>
internal sealed record ChatWebhookParameter(ChatService Service, string ParameterName)
{
    /// <summary>The notification channel's name, unique per entry: "slack (/serverless-deploy/slack)".</summary>
    public string ChannelName => $"{Service.ToString().ToLowerInvariant()} ({ParameterName})";
}
