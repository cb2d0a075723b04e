using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Testing.Dynamo;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>The published router in its own process: a push to the config repository (read with libgit2) becomes a deploy
/// request for the app it changed, with DynamoDB (dynalite) as its state store.</summary>
[Collection(PublishedFunctionsCollection.Name)]
public sealed class PublishedRouterTests(PublishedFunctions published, DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sdeploy-published-router-");
    private readonly ConfigRepo _config = ConfigRepo.Create();

    public void Dispose()
    {
        _config.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_push_to_the_config_repository_queues_a_deploy_request_for_its_app_at_that_commit()
    {
        _config.AddApp("a");
        var commit = _config.Commit("an app");
        var deployQueue = Path.Combine(_folder.FullName, "deploy.jsonl");
        await using var router = new PublishedFunction(published, new Dictionary<string, string>
        {
            ["_HANDLER"] = "router",
            ["DEPLOY_QUEUE_URL"] = "file://" + deployQueue,
            ["CONFIG_REPO_URL"] = _config.Url,
            ["TABLE_NAME"] = DynaliteFixture.TableName,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "dynalite",
            ["AWS_SECRET_ACCESS_KEY"] = "dynalite",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Url,
            ["GIT_CACHE_DIR"] = Path.Combine(_folder.FullName, "git"),
        });
        var push = new GitPushed(GitPushed.GitHub, _config.Name, _config.Url, "main", null, commit, DateTimeOffset.UtcNow);

        var post = await router.InvokeAsync(SqsEvents.One(Records.StandardQueueArn, "m-1", TriggerJson.Serialize(push)));

        Assert.True(post.Path.EndsWith("/response", StringComparison.Ordinal), $"{post.Path}: {post.Body}\n{router.Output}");
        Assert.Empty(SqsEvents.Failures(post.Body));
        var request = DeployRequestJson.Deserialize(Assert.Single(File.ReadAllLines(deployQueue)));
        Assert.Equal((_config.App("a"), commit), (request.App, request.Revision));
    }
}
