using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>Least privilege: named resources in every statement, and the clusters' access entries.</summary>
public sealed class PermissionsTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private readonly Template _template = fixture.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private List<string> ActionsOn(string role, string resource) =>
        PolicyStatements.All(_template)
            .Where(s => s.Role == role && s.Statement.GetProperty("Resource").GetRawText().Contains(resource, StringComparison.Ordinal))
            .SelectMany(s => PolicyStatements.Actions(s.Statement)).ToList();

    [Fact]
    public void Only_the_deployers_pipeline_job_results_take_star_and_no_role_has_a_managed_policy()
    {
        PolicyStatements.AssertNoWildcardOutsideTheAllowList(_template);
        PolicyStatements.AssertNoWildcardAction(_template);
        var wildcard = PolicyStatements.All(_template).Where(s => PolicyStatements.LiteralResources(s.Statement).Contains("*")).ToList();
        var (role, statement) = Assert.Single(wildcard);
        Assert.Equal(fixture.LogicalId("Functions/Deployer/Role"), role);
        Assert.Equal(FunctionPermissions.PipelineJobResultActions, PolicyStatements.Actions(statement));
        _template.AllResourcesProperties("AWS::IAM::Role", Props(("ManagedPolicyArns", Match.Absent())));
    }

    [Fact]
    public void Functions_write_only_their_own_log_groups()
    {
        foreach (var (name, roleOf) in new[] { ("Webhook", "Webhook"), ("Router", "Router"), ("Deployer", "Deployer"), ("PipelineAction", "Deployer") })
        {
            var role = fixture.LogicalId($"Functions/{roleOf}/Role");
            var logs = fixture.LogicalId($"Functions/{name}/Logs");
            Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], ActionsOn(role, logs).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Deployer_names_each_resource_it_touches()
    {
        var role = fixture.LogicalId("Functions/Deployer/Role");
        Assert.Contains("sts:AssumeRole", ActionsOn(role, StackFixture.PartnerRoleArn));
        Assert.Equal(["eks:DescribeCluster"], ActionsOn(role, "arn:aws:eks:eu-west-1:111111111111:cluster/prod"));
        Assert.Equal(["eks:DescribeCluster"], ActionsOn(role, "arn:aws:eks:eu-west-1:111111111111:cluster/platform"));
        Assert.Empty(ActionsOn(role, "cluster/partner"));
        Assert.Equal(["events:PutEvents"], ActionsOn(role, "arn:aws:events:eu-west-1:111111111111:event-bus/default"));
        Assert.Equal(["ecr:DescribeImages"], ActionsOn(role, "arn:aws:ecr:eu-west-1:111111111111:repository/shop/web"));
        Assert.Equal(["ecr:DescribeImages"], ActionsOn(role, "arn:aws:ecr:eu-west-1:111111111111:repository/shop/api"));
        Assert.Equal(["codecommit:GitPull"], ActionsOn(role, "arn:aws:codecommit:eu-west-1:111111111111:gitops-config"));
        Assert.Equal(["ssm:GetParameter"], ActionsOn(role, "arn:aws:ssm:eu-west-1:111111111111:parameter/serverless-deploy/git-token"));
        Assert.Equal(["ssm:GetParameter"], ActionsOn(role, "parameter/serverless-deploy/slack"));
        Assert.Contains("dynamodb:PutItem", ActionsOn(role, fixture.LogicalId("State/Table")));
        Assert.Contains("sqs:DeleteMessage", ActionsOn(role, fixture.LogicalId("Queues/DeployQueue")));
        Assert.Empty(ActionsOn(role, fixture.LogicalId("Queues/IntakeQueue")));
        Assert.Empty(ActionsOn(role, "webhook-secret"));
    }

    [Fact]
    public void Deployer_books_wake_ups_only_on_its_queue_in_its_schedule_group_and_as_the_Scheduler_role()
    {
        var role = fixture.LogicalId("Functions/Deployer/Role");
        var statements = PolicyStatements.All(_template).Where(s => s.Role == role).Select(s => s.Statement).ToList();

        var scheduling = Assert.Single(statements, s => PolicyStatements.Actions(s).Any(a => a.StartsWith("scheduler:", StringComparison.Ordinal)));
        Assert.Equal(["scheduler:CreateSchedule", "scheduler:DeleteSchedule"], PolicyStatements.Actions(scheduling));
        Assert.Equal(["arn:aws:scheduler:eu-west-1:111111111111:schedule/TestDeployer-wake-ups/*"], PolicyStatements.LiteralResources(scheduling));
        Assert.False(scheduling.TryGetProperty("Condition", out _));

        var passRole = Assert.Single(statements, s => PolicyStatements.Actions(s).Any(a => a.StartsWith("iam:", StringComparison.Ordinal)));
        Assert.Equal(["iam:PassRole"], PolicyStatements.Actions(passRole));
        Assert.Equal(
            $$"""{"Fn::GetAtt":["{{fixture.LogicalId("WakeUps/SchedulerRole")}}","Arn"]}""",
            System.Text.Json.JsonSerializer.Serialize(passRole.GetProperty("Resource")));
        Assert.Equal(
            """{"StringEquals":{"iam:PassedToService":"scheduler.amazonaws.com"}}""",
            System.Text.Json.JsonSerializer.Serialize(passRole.GetProperty("Condition")));

        // Its event source reads the queue; it sends the short waits itself.
        Assert.Equal(
            ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage"],
            ActionsOn(role, fixture.LogicalId("Queues/WakeUpQueue")).Order(StringComparer.Ordinal));
        Assert.Empty(ActionsOn(role, fixture.LogicalId("Queues/WakeUpDeadLetterQueue")));
    }

    [Fact]
    public void Nothing_but_the_wake_up_grants_may_schedule_pass_a_role_or_send_a_wake_up()
    {
        var deployer = fixture.LogicalId("Functions/Deployer/Role");
        var scheduler = fixture.LogicalId("WakeUps/SchedulerRole");
        var wakeUp = fixture.LogicalId("Queues/WakeUpQueue");
        var all = PolicyStatements.All(_template);

        var sensitive = all.Where(s => PolicyStatements.Actions(s.Statement).Any(a => a.StartsWith("scheduler:", StringComparison.Ordinal) || a.StartsWith("iam:", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, sensitive.Count);
        Assert.All(sensitive, s => Assert.Equal(deployer, s.Role));
        Assert.All(all.Where(s => s.Role == scheduler), s => Assert.Equal(["sqs:SendMessage"], PolicyStatements.Actions(s.Statement)));
        var senders = all
            .Where(s => PolicyStatements.Actions(s.Statement).Contains("sqs:SendMessage") && s.Statement.GetProperty("Resource").GetRawText().Contains(wakeUp, StringComparison.Ordinal))
            .Select(s => s.Role).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { deployer, scheduler }.Order(StringComparer.Ordinal), senders);
        Assert.All(all.Where(s => s.Role == scheduler), s => Assert.Equal(
            $$"""{"Fn::GetAtt":["{{wakeUp}}","Arn"]}""", System.Text.Json.JsonSerializer.Serialize(s.Statement.GetProperty("Resource"))));
    }

    [Theory]
    [InlineData("scheduler:CreateSchedule", "arn:aws:scheduler:eu-west-1:111111111111:schedule/*/*")]
    [InlineData("scheduler:GetSchedule", "arn:aws:scheduler:eu-west-1:111111111111:schedule/TestDeployer-wake-ups/*")]
    [InlineData("scheduler:*", "arn:aws:scheduler:eu-west-1:111111111111:schedule/TestDeployer-wake-ups/*")]
    [InlineData("iam:PassRole", "arn:aws:iam::111111111111:role/*")]
    [InlineData("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111111111111:*")]
    public void The_walk_refuses_a_grant_broader_than_the_wake_ups_need(string action, string resource)
    {
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(), "Broader");
        var role = new Amazon.CDK.AWS.IAM.Role(stack, "Role", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com") });
        role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps { Actions = [action], Resources = [resource] }));

        var template = Template.FromStack(stack);
        Assert.Throws<Xunit.Sdk.TrueException>(() =>
        {
            PolicyStatements.AssertNoWildcardOutsideTheAllowList(template);
            PolicyStatements.AssertNoWildcardAction(template);
        });
    }

    [Fact]
    public void Webhook_may_only_read_its_secret_and_send_to_intake()
    {
        var role = fixture.LogicalId("Functions/Webhook/Role");
        Assert.Equal(["ssm:GetParameter"], ActionsOn(role, "parameter/serverless-deploy/webhook-secret"));
        Assert.Contains("sqs:SendMessage", ActionsOn(role, fixture.LogicalId("Queues/IntakeQueue")));
        Assert.DoesNotContain("sqs:ReceiveMessage", ActionsOn(role, fixture.LogicalId("Queues/IntakeQueue")));
        Assert.Empty(ActionsOn(role, fixture.LogicalId("State/Table")));
        Assert.Empty(ActionsOn(role, fixture.LogicalId("Queues/DeployQueue")));
    }

    [Fact]
    public void Router_reads_intake_and_sends_to_deploy()
    {
        var role = fixture.LogicalId("Functions/Router/Role");
        Assert.Contains("sqs:ReceiveMessage", ActionsOn(role, fixture.LogicalId("Queues/IntakeQueue")));
        Assert.Contains("sqs:SendMessage", ActionsOn(role, fixture.LogicalId("Queues/DeployQueue")));
        Assert.DoesNotContain("sqs:ReceiveMessage", ActionsOn(role, fixture.LogicalId("Queues/DeployQueue")));
        Assert.Empty(ActionsOn(role, "events:"));
        Assert.Empty(ActionsOn(role, "cluster/"));
    }

    [Fact]
    public void Router_and_deployer_may_make_exactly_the_state_stores_calls_on_the_table()
    {
        foreach (var function in new[] { "Router", "Deployer" })
        {
            var actions = ActionsOn(fixture.LogicalId($"Functions/{function}/Role"), fixture.LogicalId("State/Table"));
            Assert.Equal(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], actions.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Clusters_in_this_account_get_an_access_entry_for_the_deployer_role_scoped_as_asked()
    {
        var role = fixture.LogicalId("Functions/Deployer/Role");
        _template.ResourceCountIs("AWS::EKS::AccessEntry", 2);
        // Namespace-scoped edit as before, and beside it (clusterRead by default) read of the whole cluster.
        _template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", "prod"),
            ("PrincipalArn", Props(("Fn::GetAtt", new object[] { role, "Arn" }))),
            ("Type", "STANDARD"),
            ("AccessPolicies", new object[]
            {
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"),
                    ("AccessScope", Props(("Type", "namespace"), ("Namespaces", new[] { "shop", "payments" })))),
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy"),
                    ("AccessScope", Props(("Type", "cluster"), ("Namespaces", Match.Absent())))),
            }),
            ("KubernetesGroups", Match.Absent())));
        // Cluster admin reads everything already: no view.
        _template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", "platform"),
            ("PrincipalArn", Props(("Fn::GetAtt", new object[] { role, "Arn" }))),
            ("AccessPolicies", new object[]
            {
                Props(
                    ("PolicyArn", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"),
                    ("AccessScope", Props(("Type", "cluster")))),
            }),
            ("KubernetesGroups", Match.Absent())));
    }
}
