using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Aws.Notifications;

/// <summary>Puts one EventBridge event per finished sync (source serverless-deploy), for rules that route it on.</summary>
public sealed class EventBridgeNotifier : INotifier
{
    private readonly EventBridgeClient _client;
    private readonly EventBridgeNotifierOptions _options;

    public EventBridgeNotifier(EventBridgeClient client, EventBridgeNotifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new EventBridgeNotifierOptions();
        _options.Validate();
        _client = client;
    }

    public async Task NotifyAsync(SyncNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await _client.PutEventsAsync([SyncEvent.ToEntry(notification, _options.EventBusName)], cancellationToken);
    }
}
