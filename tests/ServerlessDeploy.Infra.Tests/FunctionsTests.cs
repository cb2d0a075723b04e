using System.Text.Json;
using Amazon.CDK.Assertions;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>The four functions: runtime, handler, sizing, layer, environment, queue sources and the webhook URL.</summary>
public sealed class FunctionsTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private readonly Template _template = fixture.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private JsonElement FunctionProperties(string name) =>
        JsonSerializer.SerializeToElement(_template.ToJSON())
            .GetProperty("Resources").GetProperty(fixture.LogicalId($"Functions/{name}/Function")).GetProperty("Properties");

    [Theory]
    [InlineData("Webhook", "webhook", 256, 10, 10)]
    [InlineData("Router", "router", 512, 60, 5)]
    [InlineData("Deployer", "deployer", 2048, 120, 10)]
    [InlineData("PipelineAction", "codepipeline", 2048, 120, 10)]
    public void Each_function_runs_the_bootstrap_binary_on_al2023_x86_64_with_its_handler_and_sizing(
        string name, string handler, int memory, int timeout, int concurrency)
    {
        _template.ResourceCountIs("AWS::Lambda::Function", 4);
        var function = FunctionProperties(name);
        Assert.Equal("provided.al2023", function.GetProperty("Runtime").GetString());
        Assert.Equal("x86_64", function.GetProperty("Architectures")[0].GetString());
        Assert.Equal(handler, function.GetProperty("Handler").GetString());
        Assert.Equal(memory, function.GetProperty("MemorySize").GetInt32());
        Assert.Equal(timeout, function.GetProperty("Timeout").GetInt32());
        Assert.Equal(concurrency, function.GetProperty("ReservedConcurrentExecutions").GetInt32());
        // The pipeline action does the deployer's work: it shares the deployer's role and so its cluster access.
        var role = name == "PipelineAction" ? "Deployer" : name;
        Assert.Equal(fixture.LogicalId($"Functions/{role}/Role"), function.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString());
    }

    [Fact]
    public void Only_the_deployer_and_the_pipeline_action_carry_the_kubectl_layer()
    {
        var layer = fixture.LogicalId("Functions/KubectlLayer");
        _template.ResourceCountIs("AWS::Lambda::LayerVersion", 1);
        _template.HasResourceProperties("AWS::Lambda::LayerVersion", Props(("CompatibleRuntimes", new[] { "provided.al2023" })));
        Assert.Equal(layer, FunctionProperties("Deployer").GetProperty("Layers")[0].GetProperty("Ref").GetString());
        Assert.Equal(layer, FunctionProperties("PipelineAction").GetProperty("Layers")[0].GetProperty("Ref").GetString());
        Assert.False(FunctionProperties("Router").TryGetProperty("Layers", out _));
        Assert.False(FunctionProperties("Webhook").TryGetProperty("Layers", out _));
    }

    [Fact]
    public void Every_function_gets_exactly_the_variables_the_binary_reads_and_the_deployer_those_of_its_wake_ups_and_render_cache()
    {
        string[] expected =
        [
            "APPS_PATH", "CHAT_WEBHOOK_PARAMETERS", "CLUSTERS", "CONFIG_BRANCH", "CONFIG_REPO_URL", "DEPLOY_QUEUE_URL",
            "EVENT_BUS_NAME", "GITHUB_HOSTS", "GIT_COMMIT_AUTHOR_EMAIL", "GIT_COMMIT_AUTHOR_NAME", "GIT_COMMIT_MESSAGE_TEMPLATE",
            "GIT_TOKEN_PARAMETER", "INTAKE_QUEUE_URL", "TABLE_NAME", "WEBHOOK_SECRET_PARAMETER",
        ];
        string[] deployerOnly = ["RENDER_CACHE_BUCKET", "SCHEDULER_ROLE_ARN", "SCHEDULE_GROUP_NAME", "WAKEUP_QUEUE_ARN", "WAKEUP_QUEUE_URL"];
        foreach (var name in new[] { "Webhook", "Router", "Deployer", "PipelineAction" })
        {
            var variables = FunctionProperties(name).GetProperty("Environment").GetProperty("Variables");
            Assert.Equal(
                name == "Deployer" ? expected.Concat(deployerOnly).Order(StringComparer.Ordinal) : expected,
                variables.EnumerateObject().Select(v => v.Name).Order(StringComparer.Ordinal));
            Assert.Equal(fixture.LogicalId("Queues/IntakeQueue"), variables.GetProperty("INTAKE_QUEUE_URL").GetProperty("Ref").GetString());
            Assert.Equal(fixture.LogicalId("Queues/DeployQueue"), variables.GetProperty("DEPLOY_QUEUE_URL").GetProperty("Ref").GetString());
            Assert.Equal("Release Bot", variables.GetProperty("GIT_COMMIT_AUTHOR_NAME").GetString());
            Assert.Equal("bot@example.com", variables.GetProperty("GIT_COMMIT_AUTHOR_EMAIL").GetString());
            Assert.Equal("chore: bump {app}", variables.GetProperty("GIT_COMMIT_MESSAGE_TEMPLATE").GetString());
            Assert.Equal(fixture.LogicalId("State/Table"), variables.GetProperty("TABLE_NAME").GetProperty("Ref").GetString());
            Assert.Equal("/serverless-deploy/webhook-secret", variables.GetProperty("WEBHOOK_SECRET_PARAMETER").GetString());
            Assert.Equal("https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/gitops-config", variables.GetProperty("CONFIG_REPO_URL").GetString());
            Assert.Equal("main", variables.GetProperty("CONFIG_BRANCH").GetString());
            Assert.Equal("clusters/prod/apps", variables.GetProperty("APPS_PATH").GetString());
            Assert.Equal("/serverless-deploy/git-token", variables.GetProperty("GIT_TOKEN_PARAMETER").GetString());
            Assert.Equal("github.example.com,ghe.corp.example", variables.GetProperty("GITHUB_HOSTS").GetString());
            Assert.Equal("default", variables.GetProperty("EVENT_BUS_NAME").GetString());
            Assert.Equal("slack=/serverless-deploy/slack,teams=/serverless-deploy/teams", variables.GetProperty("CHAT_WEBHOOK_PARAMETERS").GetString());
        }
    }

    [Fact]
    public void The_deployer_is_told_its_wake_up_queue_schedule_group_and_Scheduler_role()
    {
        var variables = FunctionProperties("Deployer").GetProperty("Environment").GetProperty("Variables");
        var queue = fixture.LogicalId("Queues/WakeUpQueue");
        Assert.Equal(queue, variables.GetProperty("WAKEUP_QUEUE_URL").GetProperty("Ref").GetString());
        Assert.Equal([queue, "Arn"], variables.GetProperty("WAKEUP_QUEUE_ARN").GetProperty("Fn::GetAtt").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("TestDeployer-wake-ups", variables.GetProperty("SCHEDULE_GROUP_NAME").GetString());
        Assert.Equal(
            [fixture.LogicalId("WakeUps/SchedulerRole"), "Arn"],
            variables.GetProperty("SCHEDULER_ROLE_ARN").GetProperty("Fn::GetAtt").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void CLUSTERS_is_a_JSON_array_with_region_and_the_role_only_for_other_accounts()
    {
        var json = FunctionProperties("Deployer").GetProperty("Environment").GetProperty("Variables").GetProperty("CLUSTERS").GetString()!;
        using var clusters = JsonDocument.Parse(json);
        var all = clusters.RootElement.EnumerateArray().ToList();
        Assert.Equal(["prod", "platform", "partner"], all.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(
            """{"name":"prod","endpoint":"https://abc.gr7.eu-west-1.eks.amazonaws.com","caData":"LS0tLS1CRUdJTg==","region":"eu-west-1","clusterRead":true}""",
            all[0].GetRawText());
        Assert.Equal("us-east-1", all[2].GetProperty("region").GetString());
        Assert.Equal(StackFixture.PartnerRoleArn, all[2].GetProperty("roleArn").GetString());
    }

    [Fact]
    public void Queue_sources_report_batch_item_failures()
    {
        _template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 3);
        _template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Props(
            ("FunctionName", Props(("Ref", fixture.LogicalId("Functions/Router/Function")))),
            ("EventSourceArn", Props(("Fn::GetAtt", new object[] { fixture.LogicalId("Queues/IntakeQueue"), "Arn" }))),
            ("FunctionResponseTypes", new[] { "ReportBatchItemFailures" })));
        _template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Props(
            ("FunctionName", Props(("Ref", fixture.LogicalId("Functions/Deployer/Function")))),
            ("EventSourceArn", Props(("Fn::GetAtt", new object[] { fixture.LogicalId("Queues/DeployQueue"), "Arn" }))),
            ("FunctionResponseTypes", new[] { "ReportBatchItemFailures" })));
    }

    [Fact]
    public void The_deployer_takes_wake_ups_one_at_a_time_as_soon_as_they_are_due_reporting_batch_item_failures()
    {
        _template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Props(
            ("FunctionName", Props(("Ref", fixture.LogicalId("Functions/Deployer/Function")))),
            ("EventSourceArn", Props(("Fn::GetAtt", new object[] { fixture.LogicalId("Queues/WakeUpQueue"), "Arn" }))),
            ("BatchSize", 1),
            ("MaximumBatchingWindowInSeconds", Match.Absent()),
            ("FunctionResponseTypes", new[] { "ReportBatchItemFailures" })));
    }

    [Fact]
    public void Deploy_queue_visibility_is_six_deployer_timeouts()
    {
        _template.HasResourceProperties("AWS::SQS::Queue", Props(
            ("FifoQueue", true),
            ("VisibilityTimeout", 6 * fixture.Settings.Deployer.TimeoutSeconds)));
        Assert.Equal(6 * FunctionProperties("Deployer").GetProperty("Timeout").GetInt32(), fixture.Settings.DeployVisibilityTimeoutSeconds);
    }

    [Fact]
    public void The_webhook_has_a_function_url_without_IAM_auth_that_may_invoke_only_through_the_url()
    {
        var webhookArn = Props(("Fn::GetAtt", new object[] { fixture.LogicalId("Functions/Webhook/Function"), "Arn" }));
        _template.ResourceCountIs("AWS::Lambda::Url", 1);
        _template.HasResourceProperties("AWS::Lambda::Url", Props(("AuthType", "NONE"), ("TargetFunctionArn", webhookArn)));
        _template.ResourceCountIs("AWS::Lambda::Permission", 2);
        _template.HasResourceProperties("AWS::Lambda::Permission", Props(
            ("Action", "lambda:InvokeFunctionUrl"), ("FunctionName", webhookArn), ("FunctionUrlAuthType", "NONE"), ("Principal", "*")));
        _template.HasResourceProperties("AWS::Lambda::Permission", Props(
            ("Action", "lambda:InvokeFunction"), ("FunctionName", webhookArn), ("InvokedViaFunctionUrl", true), ("Principal", "*")));
    }
}
