using ServerlessDeploy.Aws.Ssm;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Notifications.Webhooks;

namespace ServerlessDeploy.Aws.Notifications;

/// <summary>
/// A chat webhook whose URL is kept in an SSM SecureString parameter: the URL is read when a notice is sent (and
/// cached by <see cref="SsmSecret"/>), so start-up never waits on SSM and a rotated URL is picked up. The URL is never
/// part of an error.
/// </summary>
public sealed class SsmChatWebhookNotifier : INotifier
{
    private readonly ChatService _service;
    private readonly SsmSecret _url;
    private readonly HttpClient _http;

    public SsmChatWebhookNotifier(ChatService service, SsmSecret url, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(http);
        _service = service;
        _url = url;
        _http = http;
    }

    public async Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        var text = await _url.GetAsync(cancellationToken);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            throw new ChatWebhookException(_service, $"webhook URL in {_url} is not an absolute URL");
        }

        await new ChatWebhookNotifier(_http, new ChatWebhookOptions(_service, url)).NotifyAsync(notification, cancellationToken);
    }

    public override string ToString() => $"SsmChatWebhookNotifier({_service}, {_url})";
}
