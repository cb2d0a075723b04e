namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>One Kubernetes Event about a resource, as `kubectl describe` lists it.</summary>
public sealed record ResourceEvent(string Type, string Reason, string Message, int Count, string? LastSeen, string? Source);
