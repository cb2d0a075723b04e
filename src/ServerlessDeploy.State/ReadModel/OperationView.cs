namespace ServerlessDeploy.State.ReadModel;

/// <summary>An app's last operation: its phase and message, when it ran, and (in the detail) when each of its stages happened.</summary>
/// <param name="Stages">Null in the app list, and where the store has none.</param>
public sealed record OperationView(OperationPhase Phase, string Message, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, OperationStages? Stages);
