namespace ServerlessDeploy.State;

/// <summary>The last error of a queue message, kept so a message that reaches the dead-letter queue carries its reason.</summary>
public sealed record DeliveryFailure(string MessageId, string Queue, int ReceiveCount, string Error, DateTimeOffset At, DateTimeOffset ExpiresAt);
