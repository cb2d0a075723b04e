namespace ServerlessDeploy.Aws.Timers;

/// <summary>Where the AWS timer delivers wake-ups: the standard wake-up queue, and the role Scheduler assumes to send to it.</summary>
/// <param name="WakeUpQueueUrl">The wake-up queue's URL, for SQS message timers (waits up to 15 minutes).</param>
/// <param name="WakeUpQueueArn">The same queue's ARN, the target of one-time schedules (longer waits).</param>
/// <param name="SchedulerRoleArn">The IAM role EventBridge Scheduler assumes to send to the queue.</param>
public sealed record AwsTimerOptions(string WakeUpQueueUrl, string WakeUpQueueArn, string SchedulerRoleArn)
{
    public void Validate()
    {
        if (!Uri.TryCreate(WakeUpQueueUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"wake-up queue URL \"{WakeUpQueueUrl}\" is not an http(s) URL", nameof(WakeUpQueueUrl));
        }

        var arn = WakeUpQueueArn?.Split(':') ?? [];
        if (arn is not ["arn", { Length: > 0 }, "sqs", { Length: > 0 }, { Length: > 0 }, { Length: > 0 }])
        {
            throw new ArgumentException($"wake-up queue ARN \"{WakeUpQueueArn}\" is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<name>)", nameof(WakeUpQueueArn));
        }

        var queueName = arn[^1];
        if (queueName.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw new ArgumentException($"wake-up queue {queueName} is FIFO: message timers need a standard queue", nameof(WakeUpQueueArn));
        }

        if (url.AbsolutePath.TrimEnd('/').Split('/')[^1] != queueName)
        {
            throw new ArgumentException($"wake-up queue URL \"{WakeUpQueueUrl}\" and ARN \"{WakeUpQueueArn}\" name different queues", nameof(WakeUpQueueUrl));
        }

        if (SchedulerRoleArn?.Split(':') is not ["arn", { Length: > 0 }, "iam", "", { Length: > 0 }, { } role] || !role.StartsWith("role/", StringComparison.Ordinal) || role.Length == "role/".Length)
        {
            throw new ArgumentException($"Scheduler role ARN \"{SchedulerRoleArn}\" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", nameof(SchedulerRoleArn));
        }
    }
}
