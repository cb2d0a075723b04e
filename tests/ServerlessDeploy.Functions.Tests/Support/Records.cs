using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>SQS batches built in code, from a standard or a FIFO queue.</summary>
internal static class Records
{
    public const string StandardQueueArn = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-intake";
    public const string FifoQueueArn = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-deploy.fifo";

    public static SqsEvent Batch(string queueArn, params string[] messageIds) =>
        new(messageIds.Select(id => Record(queueArn, id, $"body of {id}")).ToList());

    public static SqsRecord Record(string queueArn, string messageId, string body) =>
        new(messageId, $"receipt-{messageId}", body, new SqsRecordAttributes(2, 1763298185000, queueArn == FifoQueueArn ? "app:guestbook" : null), queueArn);
}
