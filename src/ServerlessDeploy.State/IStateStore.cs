namespace ServerlessDeploy.State;

/// <summary>
/// Everything the pipeline remembers between events, one port per purpose; a store implements them all. DynamoDB in AWS,
/// SQLite locally; both pass the same contract tests. Every method is safe to call concurrently from several processes.
/// </summary>
public interface IStateStore : IStateReads, IStateWrites, ILeases, IIdempotencyMarks, IDeliveryFailures, IImageCatalog;
