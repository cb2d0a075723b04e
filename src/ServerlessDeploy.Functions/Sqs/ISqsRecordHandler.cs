using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Lambda.Runtime.Batches;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Sqs;

/// <summary>Handles one SQS message of the router or deployer queue. Expected failures are returned as
/// <see cref="RecordResult.Retry"/>; an exception is also a failure of that message only.</summary>
internal interface ISqsRecordHandler
{
    Task<RecordResult> HandleAsync(SqsRecord record, InvocationContext context, CancellationToken cancellationToken);
}
