using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra;

namespace ServerlessDeploy.Infra.Tests;

public sealed class DeployerStackTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private readonly Template _template = fixture.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private string LogicalId(string construct)
    {
        var stack = fixture.Stack;
        var child = stack.Node.FindChild(construct).Node.DefaultChild;
        return stack.GetLogicalId((Amazon.CDK.CfnElement)child!);
    }

    private static Dictionary<string, object> GetAtt(string logicalId) =>
        Props(("Fn::GetAtt", new object[] { logicalId, "Arn" }));

    [Fact]
    public void Has_four_queues_all_with_SSE_and_no_functions()
    {
        _template.ResourceCountIs("AWS::SQS::Queue", 4);
        _template.AllResourcesProperties("AWS::SQS::Queue", Props(("SqsManagedSseEnabled", true)));
        _template.ResourceCountIs("AWS::Lambda::Function", 0);
    }

    [Fact]
    public void Every_queue_denies_insecure_transport()
    {
        _template.ResourceCountIs("AWS::SQS::QueuePolicy", 4);
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
        var dlq = LogicalId("IntakeDeadLetterQueue");
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("MessageRetentionPeriod", 4 * 24 * 3600),
            ("VisibilityTimeout", DeployerStack.IntakeVisibilityTimeoutSeconds),
            ("RedrivePolicy", Props(("deadLetterTargetArn", GetAtt(dlq)), ("maxReceiveCount", DeployerStack.IntakeMaxReceiveCount))),
            ("FifoQueue", Match.Absent())));
        var dlqProps = (Dictionary<string, object>)((Dictionary<string, object>)_template.FindResources("AWS::SQS::Queue")[dlq])["Properties"];
        Assert.Equal(14d * 24 * 3600, Convert.ToDouble(dlqProps["MessageRetentionPeriod"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(dlqProps.ContainsKey("FifoQueue"));
    }

    [Fact]
    public void Deploy_queue_is_FIFO_without_content_dedup_and_with_parameterised_visibility()
    {
        var dlq = LogicalId("DeployDeadLetterQueue");
        Assert.Equal(720, fixture.Settings.DeployVisibilityTimeoutSeconds);
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("FifoQueue", true),
            ("ContentBasedDeduplication", false),
            ("VisibilityTimeout", 720),
            ("RedrivePolicy", Props(("deadLetterTargetArn", GetAtt(dlq)), ("maxReceiveCount", DeployerStack.DeployMaxReceiveCount)))));
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
        var intake = LogicalId("IntakeQueue");
        _template.HasResourceProperties("AWS::Events::Rule", Props(
            ("EventPattern", Props(
                ("source", new[] { "aws.ecr" }),
                ("detail-type", new[] { "ECR Image Action" }),
                ("detail", Props(("action-type", new[] { "PUSH" }), ("result", new[] { "SUCCESS" }))))),
            ("Targets", new object[] { Match.ObjectLike(Props(("Arn", GetAtt(intake)))) })));
    }

    [Fact]
    public void CodeCommit_rule_matches_reference_changes_and_targets_intake()
    {
        var intake = LogicalId("IntakeQueue");
        _template.HasResourceProperties("AWS::Events::Rule", Props(
            ("EventPattern", Props(
                ("source", new[] { "aws.codecommit" }),
                ("detail-type", new[] { "CodeCommit Repository State Change" }),
                ("detail", Props(("event", new[] { "referenceCreated", "referenceUpdated" }))))),
            ("Targets", new object[] { Match.ObjectLike(Props(("Arn", GetAtt(intake)))) })));
    }

    [Fact]
    public void Reconcile_schedule_sends_the_fixed_json_to_intake_every_N_minutes()
    {
        var intake = LogicalId("IntakeQueue");
        _template.HasResourceProperties("AWS::Events::Rule", Props(
            ("ScheduleExpression", "rate(5 minutes)"),
            ("Targets", new object[]
            {
                Match.ObjectLike(Props(("Arn", GetAtt(intake)), ("Input", DeployerStack.ReconcileMessage))),
            })));
    }

    [Fact]
    public void Rule_targets_dead_letter_to_the_intake_DLQ_which_allows_EventBridge()
    {
        var dlq = LogicalId("IntakeDeadLetterQueue");
        _template.ResourceCountIs("AWS::Events::Rule", 3);
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
    [InlineData("IntakeDeadLetterQueue")]
    [InlineData("DeployDeadLetterQueue")]
    public void Each_dead_letter_queue_has_a_depth_alarm(string dlqName)
    {
        var dlq = LogicalId(dlqName);
        _template.ResourceCountIs("AWS::CloudWatch::Alarm", 2);
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", Props(
            ("Namespace", "AWS/SQS"),
            ("MetricName", "ApproximateNumberOfMessagesVisible"),
            ("Dimensions", new object[] { Props(("Name", "QueueName"), ("Value", Props(("Fn::GetAtt", new object[] { dlq, "QueueName" })))) }),
            ("Threshold", 1),
            ("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
            ("EvaluationPeriods", 1),
            ("TreatMissingData", "notBreaching")));
    }

    [Fact]
    public void Outputs_name_the_queues_the_table_and_the_settings()
    {
        var intake = LogicalId("IntakeQueue");
        var deploy = LogicalId("DeployQueue");
        var table = LogicalId("StateTable");
        _template.HasOutput("IntakeQueueUrl", Props(("Value", Props(("Ref", intake)))));
        _template.HasOutput("DeployQueueUrl", Props(("Value", Props(("Ref", deploy)))));
        _template.HasOutput("IntakeDeadLetterQueueUrl", Match.AnyValue());
        _template.HasOutput("DeployDeadLetterQueueUrl", Match.AnyValue());
        _template.HasOutput("StateTableName", Props(("Value", Props(("Ref", table)))));
        _template.HasOutput("ConfigBranch", Props(("Value", "main")));
        _template.HasOutput("AppsPath", Props(("Value", "clusters/prod/apps")));
        _template.HasOutput("ConfigRepositoryUrl", Props(("Value", "https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config")));
    }
}
