using ServerlessDeploy.Aws.Timers;

namespace ServerlessDeploy.Aws.Tests.Timers;

public sealed class AwsTimerOptionsTests
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up";
    private const string QueueArn = "arn:aws:sqs:eu-west-1:123456789012:wake-up";
    private const string RoleArn = "arn:aws:iam::123456789012:role/scheduler";

    [Fact]
    public void The_stack_s_queue_and_role_are_valid()
    {
        new AwsTimerOptions(QueueUrl, QueueArn, RoleArn).Validate();
        new AwsTimerOptions("http://localhost:9324/000000000000/wake-up", "arn:aws-cn:sqs:cn-north-1:000000000000:wake-up", "arn:aws-cn:iam::000000000000:role/path/scheduler").Validate();
    }

    [Theory]
    [InlineData("", QueueArn, RoleArn, "WakeUpQueueUrl")]
    [InlineData("sqs/wake-up", QueueArn, RoleArn, "WakeUpQueueUrl")]
    [InlineData(QueueUrl, "", RoleArn, "WakeUpQueueArn")]
    [InlineData(QueueUrl, "arn:aws:sns:eu-west-1:123456789012:wake-up", RoleArn, "WakeUpQueueArn")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up.fifo", "arn:aws:sqs:eu-west-1:123456789012:wake-up.fifo", RoleArn, "WakeUpQueueArn")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/123456789012/deploy", QueueArn, RoleArn, "WakeUpQueueUrl")]
    [InlineData(QueueUrl, QueueArn, "", "SchedulerRoleArn")]
    [InlineData(QueueUrl, QueueArn, "arn:aws:iam::123456789012:user/scheduler", "SchedulerRoleArn")]
    [InlineData(QueueUrl, QueueArn, "arn:aws:iam::123456789012:role/", "SchedulerRoleArn")]
    public void A_wrong_value_is_named(string queueUrl, string queueArn, string roleArn, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new AwsTimerOptions(queueUrl, queueArn, roleArn).Validate());

        Assert.Equal(parameter, error.ParamName);
    }
}
