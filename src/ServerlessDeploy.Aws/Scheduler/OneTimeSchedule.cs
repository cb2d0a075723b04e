namespace ServerlessDeploy.Aws.Scheduler;

/// <summary>
/// An EventBridge Scheduler one-time schedule that sends <paramref name="Input"/> to an SQS queue at <paramref name="At"/>
/// (UTC, whole seconds) and deletes itself afterwards. <paramref name="Name"/> is unique in the group and at most 64
/// characters of [0-9a-zA-Z-_.].
/// </summary>
public sealed record OneTimeSchedule(string Name, DateTimeOffset At, string QueueArn, string RoleArn, string Input);
