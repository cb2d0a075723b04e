using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Aws.Notifications;

/// <summary>The EventBridge event a <see cref="SyncNotification"/> becomes; rules match on its source and detail-type.</summary>
internal static class SyncEvent
{
    public const string Source = "serverless-deploy";

    public static string DetailType(NotificationKind kind) => kind switch
    {
        NotificationKind.SyncSucceeded => "Sync Succeeded",
        NotificationKind.SyncFailed => "Sync Failed",
        NotificationKind.HealthDegraded => "Health Degraded",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no EventBridge detail-type for this notification kind"),
    };

    public static EventBridgeEntry ToEntry(SyncNotification notification, string eventBusName) =>
        new(Source, DetailType(notification.Kind), Detail(notification).ToJsonString(), eventBusName, notification.FinishedAt);

    public static JsonObject Detail(SyncNotification notification) => new()
    {
        ["app"] = notification.App,
        ["revision"] = notification.Revision,
        ["images"] = new JsonArray(notification.Images.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        ["health"] = notification.Health,
        ["message"] = notification.Message,
        ["finishedAt"] = notification.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };
}
