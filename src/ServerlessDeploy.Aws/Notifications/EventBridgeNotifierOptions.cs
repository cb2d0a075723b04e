namespace ServerlessDeploy.Aws.Notifications;

/// <summary>Where sync events go: the bus name or ARN (default "default").</summary>
public sealed record EventBridgeNotifierOptions(string EventBusName = "default")
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(EventBusName))
        {
            throw new ArgumentException("EventBridge bus name is empty", nameof(EventBusName));
        }
    }
}
