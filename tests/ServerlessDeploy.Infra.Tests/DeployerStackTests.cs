using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Queues, state table, triggers, alarms and outputs.</summary>
public sealed class DeployerStackTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private readonly Template _template = fixture.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private string LogicalId(string path) => fixture.LogicalId(path);

    private static Dictionary<string, object> GetAtt(string logicalId) =>
        Props(("Fn::GetAtt", new object[] { logicalId, "Arn" }));

    [Fact]
    public void Has_six_queues_all_with_SSE()
    {
        _template.ResourceCountIs("AWS::SQS::Queue", 6);
        _template.AllResourcesProperties("AWS::SQS::Queue", Props(("SqsManagedSseEnabled", true)));
    }

    [Fact]
    public void Every_queue_denies_insecure_transport()
    {
        _template.ResourceCountIs("AWS::SQS::QueuePolicy", 6);
        _template.AllResourcesProperties("AWS::SQS::QueuePolicy", Props(("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[]
        {
            Match.ObjectLike(Props(
                ("Effect", "Deny"),
                ("Action", "sqs:*"),
                ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false")))))))
        }))))));
    }

    [Fact]
    public void Intake_queue_redrives_to_its_dead_letter_queue()
    {
        var dlq = LogicalId("Queues/IntakeDeadLetterQueue");
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("MessageRetentionPeriod", 4 * 24 * 3600),
            ("VisibilityTimeout", fixture.Settings.IntakeVisibilityTimeoutSeconds),
            ("RedrivePolicy", Props(("deadLetterTargetArn", GetAtt(dlq)), ("maxReceiveCount", DeployerQueues.IntakeMaxReceiveCount))),
            ("FifoQueue", Match.Absent())));
        var dlqProps = (Dictionary<string, object>)((Dictionary<string, object>)_template.FindResources("AWS::SQS::Queue")[dlq])["Properties"];
        Assert.Equal(14d * 24 * 3600, Convert.ToDouble(dlqProps["MessageRetentionPeriod"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(dlqProps.ContainsKey("FifoQueue"));
    }

    [Fact]
    public void Deploy_queue_is_FIFO_without_content_dedup_and_with_parameterised_visibility()
    {
        var dlq = LogicalId("Queues/DeployDeadLetterQueue");
        Assert.Equal(720, fixture.Settings.DeployVisibilityTimeoutSeconds);
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("FifoQueue", true),
            ("ContentBasedDeduplication", false),
            ("VisibilityTimeout", 720),
            ("RedrivePolicy", Props(("deadLetterTargetArn", GetAtt(dlq)), ("maxReceiveCount", fixture.Settings.DeployMaxReceiveCount)))));
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("FifoQueue", true),
            ("ContentBasedDeduplication", false),
            ("MessageRetentionPeriod", 14 * 24 * 3600),
            ("RedrivePolicy", Match.Absent())));
    }

    [Fact]
    public void State_table_is_on_demand_with_PITR_TTL_and_pk_sk()
    {
        _template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        _template.HasResourceProperties("AWS::DynamoDB::Table", Props(
            ("BillingMode", "PAY_PER_REQUEST"),
            ("PointInTimeRecoverySpecification", Props(("PointInTimeRecoveryEnabled", true))),
            ("TimeToLiveSpecification", Props(("AttributeName", "expiresAt"), ("Enabled", true))),
            ("KeySchema", new object[]
            {
                Props(("AttributeName", "pk"), ("KeyType", "HASH")),
                Props(("AttributeName", "sk"), ("KeyType", "RANGE")),
            }),
            ("SSESpecification", Props(("SSEEnabled", true)))));
        _template.HasResource("AWS::DynamoDB::Table", Props(("DeletionPolicy", "Retain")));
    }

    [Fact]
    public void Ecr_push_rule_matches_successful_pushes_and_targets_intake()
    {
        var intake = LogicalId("Queues/IntakeQueue");
        _template.HasResourceProperties("AWS::Events::Rule", Props(
            ("EventPattern", Props(
                ("source", new[] { "aws.ecr" }),
                ("detail-type", new[] { "ECR Image Action" }),
                ("detail", Props(
                    ("action-type", new[] { "PUSH" }),
                    ("result", new[] { "SUCCESS" }),
                    ("repository-name", new[] { "shop/web", "shop/api" }))))),
            ("Targets", new object[] { Match.ObjectLike(Props(("Arn", GetAtt(intake)))) })));
    }

    [Fact]
    public void CodeCommit_rule_matches_reference_changes_and_targets_intake()
    {
        var intake = LogicalId("Queues/IntakeQueue");
        _template.HasResourceProperties("AWS::Events::Rule", Props(
            ("EventPattern", Props(
                ("source", new[] { "aws.codecommit" }),
                ("detail-type", new[] { "CodeCommit Repository State Change" }),
                ("detail", Props(("event", new[] { "referenceCreated", "referenceUpdated" }))))),
            ("Targets", new object[] { Match.ObjectLike(Props(("Arn", GetAtt(intake)))) })));
    }

    [Fact]
    public void Reconcile_schedule_sends_the_fixed_json_to_intake_every_N_minutes_with_a_send_only_role()
    {
        var intake = LogicalId("Queues/IntakeQueue");
        var role = LogicalId("Triggers/ReconcileScheduleRole");
        _template.ResourceCountIs("AWS::Scheduler::Schedule", 1);
        _template.HasResourceProperties("AWS::Scheduler::Schedule", Props(
            ("ScheduleExpression", "rate(5 minutes)"),
            ("FlexibleTimeWindow", Props(("Mode", "OFF"))),
            ("Target", Match.ObjectLike(Props(
                ("Arn", GetAtt(intake)),
                ("RoleArn", GetAtt(role)),
                ("Input", """{"serverless-deploy":"reconcile","time":"<aws.scheduler.scheduled-time>"}""")))),
            ("State", Match.Absent())));
        _template.HasResourceProperties("AWS::IAM::Role", Props(("AssumeRolePolicyDocument", Props(("Statement", new object[]
        {
            Match.ObjectLike(Props(("Action", "sts:AssumeRole"), ("Principal", Props(("Service", "scheduler.amazonaws.com"))))),
        })))));
        _template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new object[] { Props(("Ref", role)) }),
            ("PolicyDocument", Props(("Statement", new object[]
            {
                Props(("Effect", "Allow"), ("Action", "sqs:SendMessage"), ("Resource", GetAtt(intake))),
            }))),
            ("PolicyName", Match.AnyValue())));
    }

    [Fact]
    public void Rule_targets_dead_letter_to_the_intake_DLQ_which_allows_EventBridge()
    {
        var dlq = LogicalId("Queues/IntakeDeadLetterQueue");
        _template.ResourceCountIs("AWS::Events::Rule", 2);
        _template.AllResourcesProperties("AWS::Events::Rule", Props(("Targets", new object[]
        {
            Match.ObjectLike(Props(("DeadLetterConfig", Props(("Arn", GetAtt(dlq)))))),
        })));
        _template.HasResourceProperties("AWS::SQS::QueuePolicy", Props(
            ("Queues", new object[] { Props(("Ref", dlq)) }),
            ("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[]
            {
                Match.ObjectLike(Props(("Effect", "Allow"), ("Action", "sqs:SendMessage"), ("Principal", Props(("Service", "events.amazonaws.com"))))),
            }))))));
    }

    [Theory]
    [InlineData("Queues/IntakeDeadLetterQueue")]
    [InlineData("Queues/DeployDeadLetterQueue")]
    [InlineData("Queues/WakeUpDeadLetterQueue")]
    public void Each_dead_letter_queue_has_a_depth_alarm_that_notifies_the_topic(string dlqPath)
    {
        var dlq = LogicalId(dlqPath);
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("Namespace", "AWS/SQS"),
            ("MetricName", "ApproximateNumberOfMessagesVisible"),
            ("Dimensions", new object[] { Props(("Name", "QueueName"), ("Value", Props(("Fn::GetAtt", new object[] { dlq, "QueueName" })))) }),
            ("Threshold", 1),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            ("EvaluationPeriods", 1),
            ("TreatMissingData", "notBreaching"),
            ("AlarmActions", new object[] { StackFixture.AlarmTopicArn })));
    }

    [Theory]
    [InlineData("Functions/Webhook/Function")]
    [InlineData("Functions/Router/Function")]
    [InlineData("Functions/Deployer/Function")]
    [InlineData("Functions/PipelineAction/Function")]
    public void Each_function_has_an_errors_alarm_that_notifies_the_topic(string functionPath)
    {
        var function = LogicalId(functionPath);
        _template.ResourceCountIs("AWS::CloudWatch::Alarm", 7);
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("Namespace", "AWS/Lambda"),
            ("MetricName", "Errors"),
            ("Dimensions", new object[] { Props(("Name", "FunctionName"), ("Value", Props(("Ref", function)))) }),
            ("Statistic", "Sum"),
            ("Threshold", 1),
            ("AlarmActions", new object[] { StackFixture.AlarmTopicArn })));
    }

    [Fact]
    public void Outputs_name_the_queues_the_table_and_the_settings()
    {
        var intake = LogicalId("Queues/IntakeQueue");
        var deploy = LogicalId("Queues/DeployQueue");
        var table = LogicalId("State/Table");
        _template.HasOutput("IntakeQueueUrl", Props(("Value", Props(("Ref", intake)))));
        _template.HasOutput("DeployQueueUrl", Props(("Value", Props(("Ref", deploy)))));
        _template.HasOutput("WebhookUrl", Props(("Value", Props(("Fn::GetAtt", new object[] { LogicalId("Functions/Webhook/Function/FunctionUrl"), "FunctionUrl" })))));
        _template.HasOutput("DeployerRoleArn", Props(("Value", GetAtt(LogicalId("Functions/Deployer/Role")))));
        _template.HasOutput("PipelineActionFunctionArn", Props(("Value", GetAtt(LogicalId("Functions/PipelineAction/Function")))));
        _template.HasOutput("IntakeDeadLetterQueueUrl", Match.AnyValue());
        _template.HasOutput("DeployDeadLetterQueueUrl", Match.AnyValue());
        _template.HasOutput("StateTableName", Props(("Value", Props(("Ref", table)))));
        _template.HasOutput("ConfigBranch", Props(("Value", "main")));
        _template.HasOutput("AppsPath", Props(("Value", "clusters/prod/apps")));
        _template.HasOutput("ConfigRepositoryUrl", Props(("Value", "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config")));
    }
}
