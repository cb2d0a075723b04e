namespace ServerlessDeploy.Aws.EventBridge;

/// <summary>One PutEvents request entry.</summary>
/// <param name="Detail">The event's detail as a JSON object text.</param>
/// <param name="Time">The event's time; null lets EventBridge use the time of the call.</param>
internal sealed record EventBridgeEntry(string Source, string DetailType, string Detail, string EventBusName = "default", DateTimeOffset? Time = null);
