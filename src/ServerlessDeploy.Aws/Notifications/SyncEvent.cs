using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Pipeline.Notifications;

namespace ServerlessDeploy.Aws.Notifications;

/// <summary>
/// The EventBridge event a <see cref="SyncNotification"/> becomes; rules match on its source and detail-type. A Rollout
/// transition's detail also has <c>rollout</c>: its namespace, name, stepIndex, stepCount, previousWeight and weight.
/// </summary>
internal static class SyncEvent
{
    public const string Source = "serverless-deploy";

    public static EventBridgeEntry ToEntry(SyncNotification notification, string eventBusName) =>
        new(Source, NotificationDetailTypes.Of(notification.Kind), Detail(notification).ToJsonString(), eventBusName, notification.FinishedAt);

    public static JsonObject Detail(SyncNotification notification)
    {
        var detail = SyncDetail(notification);
        if (notification.Rollout is { } rollout)
        {
            detail["rollout"] = new JsonObject
            {
                ["namespace"] = rollout.Namespace,
                ["name"] = rollout.Name,
                ["stepIndex"] = rollout.StepIndex,
                ["stepCount"] = rollout.StepCount,
                ["previousWeight"] = rollout.PreviousCanaryWeight,
                ["weight"] = rollout.CanaryWeight,
            };
        }

        return detail;
    }

    private static JsonObject SyncDetail(SyncNotification notification) => new()
    {
        ["app"] = notification.App,
        ["revision"] = notification.Revision,
        ["images"] = new JsonArray(notification.Images.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        ["health"] = notification.Health,
        ["message"] = notification.Message,
        ["finishedAt"] = notification.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    };
}
