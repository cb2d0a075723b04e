using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Certificates;
using ServerlessDeploy.Testing.Dynamo;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Tools;
using k8s;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>
/// The published deployer in its own process, as in Lambda: it clones the app's repository (libgit2), renders with the
/// layer's tools, applies to an EKS-style cluster with a signed bearer token, records the sync in DynamoDB (dynalite) and
/// publishes the notice to EventBridge (a recording endpoint).
/// </summary>
[Collection(PublishedFunctionsCollection.Name)]
public sealed class PublishedDeployerTests(PublishedFunctions published, DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-published-deployer-");
    private readonly ConfigRepo _config = ConfigRepo.Create();
    private LocalApiServer _cluster = null!;
    private RecordingServer _aws = null!;

    public async Task InitializeAsync()
    {
        // The deployer signs EKS tokens; the test reads the cluster back with a token of its own.
        _cluster = await LocalApiServer.StartAsync(new LocalClusterOptions(Token: "checker", AcceptEksTokens: true));
        _aws = await RecordingServer.StartAsync();
        _aws.AnswerEvery(_ => new ScriptedResponse(200, """{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}"""));
    }

    public async Task DisposeAsync()
    {
        await _aws.DisposeAsync();
        await _cluster.DisposeAsync();
        _config.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_deploy_request_is_synced_to_the_cluster_recorded_in_dynamodb_and_announced_on_eventbridge()
    {
        _config.AddApp("a").AddDeployment("a");
        var commit = _config.Commit("an app with a Deployment");
        await using var deployer = new PublishedFunction(published, Variables());
        var request = new DeployRequest(_config.App("a"), DeployReason.Manual, commit, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, "tests");

        var post = await deployer.InvokeAsync(SqsEvents.One(Records.FifoQueueArn, "d-1", DeployRequestJson.Serialize(request), groupId: request.App));

        Assert.True(post.Path.EndsWith("/response", StringComparison.Ordinal), $"{post.Path}: {post.Body}\n{deployer.Output}");
        Assert.True(SqsEvents.Failures(post.Body).Count == 0, $"{post.Body}\n{deployer.Output}");
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(await KubeconfigAsync()));
        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("web", _config.Namespace("a"));
        Assert.Equal("nginx:1.27", deployment.Spec.Template.Spec.Containers[0].Image);
        var store = new DynamoStateStore(dynalite.Client, DynaliteFixture.TableName);
        var state = await store.GetAppAsync(_config.App("a"), CancellationToken.None);
        Assert.Equal((OperationPhase.Succeeded, commit), (state!.Phase, state.Revision));
        var notice = Assert.Single(_aws.Requests, r => r.Headers.TryGetValue("X-Amz-Target", out var target) && target == "AWSEvents.PutEvents");
        Assert.Contains(_config.App("a"), notice.BodyText, StringComparison.Ordinal);
    }

    private async Task<string> KubeconfigAsync()
    {
        var path = Path.Combine(_folder.FullName, "kubeconfig");
        await _cluster.WriteKubeconfigAsync(path);
        return path;
    }

    private Dictionary<string, string> Variables() => new()
    {
        ["_HANDLER"] = "deployer",
        ["DEPLOY_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/serverless-deploy-deploy.fifo",
        ["CONFIG_REPO_URL"] = _config.Url,
        ["TABLE_NAME"] = DynaliteFixture.TableName,
        ["CLUSTERS"] = $$"""[{"name":"local","endpoint":"{{_cluster.Url}}","caData":"{{TestCertificates.CaData()}}","region":"eu-west-1"}]""",
        ["WAKEUP_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/serverless-deploy-wake-up",
        ["WAKEUP_QUEUE_ARN"] = "arn:aws:sqs:eu-west-1:123456789012:serverless-deploy-wake-up",
        ["SCHEDULE_GROUP_NAME"] = "serverless-deploy-wake-ups",
        ["SCHEDULER_ROLE_ARN"] = "arn:aws:iam::123456789012:role/serverless-deploy-scheduler",
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_ACCESS_KEY_ID"] = "dynalite",
        ["AWS_SECRET_ACCESS_KEY"] = "dynalite",
        // Every AWS call but DynamoDB's goes to the recording endpoint (EventBridge's notice; SQS only on a retry).
        ["AWS_ENDPOINT_URL"] = _aws.Url.ToString().TrimEnd('/'),
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Url,
        ["SDEPLOY_TOOLS_DIR"] = ToolPaths.Current.Directory,
        ["GIT_CACHE_DIR"] = Path.Combine(_folder.FullName, "git"),
    };
}
