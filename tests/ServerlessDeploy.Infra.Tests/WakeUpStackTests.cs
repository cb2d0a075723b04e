using System.Globalization;
using System.Text.Json;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Where waiting syncs are woken: the wake-up queue and its dead-letter queue, the schedule group, the role Scheduler assumes.</summary>
public sealed class WakeUpStackTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private const string GroupName = "TestDeployer-wake-ups";

    private readonly Template _template = fixture.Template;
    private readonly JsonElement _resources = JsonSerializer.SerializeToElement(fixture.Template.ToJSON()).GetProperty("Resources");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private JsonElement Properties(string path) => _resources.GetProperty(fixture.LogicalId(path)).GetProperty("Properties");

    private static string Json(JsonElement element) => JsonSerializer.Serialize(element);

    private string GetAtt(string path) => $$"""{"Fn::GetAtt":["{{fixture.LogicalId(path)}}","Arn"]}""";

    [Fact]
    public void The_wake_up_queue_is_a_standard_encrypted_queue_that_redrives_as_the_deploy_queue_does()
    {
        var queue = Properties("Queues/WakeUpQueue");
        Assert.False(queue.TryGetProperty("FifoQueue", out _));
        Assert.False(queue.TryGetProperty("DelaySeconds", out _));
        Assert.True(queue.GetProperty("SqsManagedSseEnabled").GetBoolean());
        Assert.Equal(4 * 24 * 3600, queue.GetProperty("MessageRetentionPeriod").GetInt32());
        Assert.Equal(fixture.Settings.DeployVisibilityTimeoutSeconds, queue.GetProperty("VisibilityTimeout").GetInt32());
        Assert.Equal(
            $$"""{"deadLetterTargetArn":{{GetAtt("Queues/WakeUpDeadLetterQueue")}},"maxReceiveCount":{{fixture.Settings.DeployMaxReceiveCount.ToString(CultureInfo.InvariantCulture)}}}""",
            Json(queue.GetProperty("RedrivePolicy")));

        var deadLetter = Properties("Queues/WakeUpDeadLetterQueue");
        Assert.False(deadLetter.TryGetProperty("FifoQueue", out _));
        Assert.False(deadLetter.TryGetProperty("RedrivePolicy", out _));
        Assert.True(deadLetter.GetProperty("SqsManagedSseEnabled").GetBoolean());
        Assert.Equal(14 * 24 * 3600, deadLetter.GetProperty("MessageRetentionPeriod").GetInt32());
    }

    [Theory]
    [InlineData("Queues/WakeUpQueue")]
    [InlineData("Queues/WakeUpDeadLetterQueue")]
    public void Both_wake_up_queues_deny_insecure_transport(string path)
    {
        _template.HasResourceProperties("AWS::SQS::QueuePolicy", Props(
            ("Queues", new object[] { Props(("Ref", fixture.LogicalId(path))) }),
            ("PolicyDocument", Props(("Statement", new object[]
            {
                Match.ObjectLike(Props(
                    ("Effect", "Deny"),
                    ("Action", "sqs:*"),
                    ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false"))))))),
            })))));
    }

    [Fact]
    public void The_stack_owns_one_schedule_group_named_after_it()
    {
        _template.ResourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
        Assert.Equal($$"""{"Name":"{{GroupName}}"}""", Json(Properties("WakeUps/Group")));
    }

    [Fact]
    public void Scheduler_assumes_its_role_only_for_the_stacks_group_in_the_stacks_account()
    {
        var trust = Properties("WakeUps/SchedulerRole").GetProperty("AssumeRolePolicyDocument").GetProperty("Statement");
        Assert.Equal(
            $$$"""
            [{"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"{{{StackFixture.Account}}}","aws:SourceArn":"arn:aws:scheduler:{{{StackFixture.Region}}}:{{{StackFixture.Account}}}:schedule-group/{{{GroupName}}}"}},"Effect":"Allow","Principal":{"Service":"scheduler.amazonaws.com"}}]
            """,
            Json(trust));
        Assert.False(Properties("WakeUps/SchedulerRole").TryGetProperty("Policies", out _));
    }

    [Fact]
    public void The_Scheduler_role_may_send_to_the_wake_up_queue_and_nothing_else()
    {
        var role = fixture.LogicalId("WakeUps/SchedulerRole");
        var statement = Assert.Single(PolicyStatements.All(_template), s => s.Role == role).Statement;
        Assert.Equal(
            $$"""{"Action":"sqs:SendMessage","Effect":"Allow","Resource":{{GetAtt("Queues/WakeUpQueue")}}}""",
            Json(statement));
    }

    [Fact]
    public void Outputs_name_the_wake_up_queues_and_the_schedule_group()
    {
        _template.HasOutput("WakeUpQueueUrl", Props(("Value", Props(("Ref", fixture.LogicalId("Queues/WakeUpQueue"))))));
        _template.HasOutput("WakeUpDeadLetterQueueUrl", Props(("Value", Props(("Ref", fixture.LogicalId("Queues/WakeUpDeadLetterQueue"))))));
        _template.HasOutput("ScheduleGroupName", Props(("Value", GroupName)));
    }

    [Fact]
    public void A_stack_name_too_long_for_a_group_name_keeps_its_start_and_gains_a_hash_of_the_whole()
    {
        Assert.Equal("ServerlessDeploy-wake-ups", WakeUpSchedules.GroupNameFor("ServerlessDeploy"));
        var exact = new string('a', WakeUpSchedules.MaxGroupNameLength - WakeUpSchedules.GroupNameSuffix.Length);
        Assert.Equal(exact + "-wake-ups", WakeUpSchedules.GroupNameFor(exact));

        var first = WakeUpSchedules.GroupNameFor(new string('S', 100) + "-prod");
        var second = WakeUpSchedules.GroupNameFor(new string('S', 100) + "-test");
        Assert.Equal(WakeUpSchedules.MaxGroupNameLength, first.Length);
        Assert.Equal(WakeUpSchedules.MaxGroupNameLength, second.Length);
        Assert.NotEqual(first, second);
        Assert.StartsWith(new string('S', 46) + "-", first, StringComparison.Ordinal);
        Assert.EndsWith("-wake-ups", first, StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Za-z_.-]{1,64}$", first);
    }
}
