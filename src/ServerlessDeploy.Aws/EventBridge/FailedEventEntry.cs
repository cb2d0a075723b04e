namespace ServerlessDeploy.Aws.EventBridge;

/// <summary>An entry EventBridge did not accept, with its position in the request and EventBridge's reason.</summary>
internal sealed record FailedEventEntry(int Index, string DetailType, string ErrorCode, string ErrorMessage);
