using ServerlessDeploy.Pipeline.Handling;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>A pipeline stage as a queue-fed function calls it: one message, with the invocation's deadline (a stage
/// that has no use for it ignores it), to the stage's result.</summary>
internal delegate Task<MessageResult> MessageStage(ReceivedMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken);
