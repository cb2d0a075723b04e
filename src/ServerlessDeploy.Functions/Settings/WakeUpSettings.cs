namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// Where the deployer books a waiting sync's wake-up: the standard wake-up queue (an SQS message timer for a short wait;
/// the queue ARN is the target of a long wait's one-time schedule), and the schedule group and role of those schedules.
/// </summary>
/// <param name="QueueUrl">The wake-up queue, as SendMessage names it.</param>
/// <param name="QueueArn">The same queue, as a schedule's target names it.</param>
/// <param name="ScheduleGroupName">The stack's EventBridge Scheduler schedule group.</param>
/// <param name="SchedulerRoleArn">The role Scheduler assumes to send to the queue.</param>
internal sealed record WakeUpSettings(string QueueUrl, string QueueArn, string ScheduleGroupName, string SchedulerRoleArn);
