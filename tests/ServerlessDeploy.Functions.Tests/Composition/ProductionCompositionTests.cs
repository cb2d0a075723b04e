using ServerlessDeploy.Aws.Rendering;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Functions.CodePipeline;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Functions.Webhook;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Testing.Lambda;

namespace ServerlessDeploy.Functions.Tests.Composition;

/// <summary>
/// The deployed ports build every handler from settings as the stack passes them. Nothing is contacted while
/// building: this machine has no AWS account, credentials or network path to AWS, so any call would fail here.
/// </summary>
public sealed class ProductionCompositionTests : IDisposable
{
    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("sdeploy-composition-");

    [Fact]
    public void The_webhook_is_built_on_SSM_and_SQS()
    {
        Assert.IsType<WebhookFunction>(Compose("webhook"));
    }

    [Fact]
    public void The_router_is_built_on_Git_SQS_and_DynamoDB()
    {
        Assert.IsType<QueueFunction>(Compose("router"));
    }

    [Fact]
    public void The_deployer_is_built_on_Git_DynamoDB_EKS_EventBridge_and_chat_webhooks()
    {
        var variables = new Dictionary<string, string>
        {
            ["GIT_TOKEN_PARAMETER"] = "/serverless-deploy/github-token",
            ["CHAT_WEBHOOK_PARAMETERS"] = "slack=/sd/slack,teams=/sd/teams",
            ["CLUSTERS"] = Variables.Clusters(("prod", "https://a.example.com"), ("staging", "https://b.example.com")),
        };

        Assert.IsType<QueueFunction>(Compose("deployer", variables));
    }

    [Fact]
    public void The_codepipeline_action_is_built_on_the_deployer_CodePipeline_and_S3()
    {
        var variables = Variables.Complete("codepipeline");
        variables.Remove("DEPLOY_QUEUE_URL");
        variables.Remove("INTAKE_QUEUE_URL");
        variables.Remove("WEBHOOK_SECRET_PARAMETER");

        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));

        Assert.IsType<CodePipelineFunction>(FunctionComposition.Compose(settings, FunctionComposition.Production(), new JsonLog(TextWriter.Null, TimeProvider.System)));
    }

    [Fact]
    public void The_deployers_render_cache_is_the_S3_bucket_when_one_is_named_and_none_otherwise()
    {
        var variables = Variables.Complete("deployer");
        var aws = new AwsClients("eu-west-1");
        var without = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));
        variables["RENDER_CACHE_BUCKET"] = "sdeploy-render-cache";
        var with = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));

        Assert.IsType<NoRenderCache>(PipelineStages.RenderCache(without, aws));
        var s3 = Assert.IsType<S3RenderCache>(PipelineStages.RenderCache(with, aws));
        Assert.Equal($"render-cache/{new string('c', 64)}.json.gz", s3.ObjectKey(new RenderCacheKey(new string('c', 64))));
        Assert.NotNull(PipelineStages.Renders(with, aws));
    }

    public void Dispose() => _cache.Delete(recursive: true);

    private IFunctionHandler Compose(string handler, Dictionary<string, string>? extra = null)
    {
        var variables = Variables.Complete(handler);
        variables["GIT_CACHE_DIR"] = _cache.FullName;
        foreach (var (name, value) in extra ?? [])
        {
            variables[name] = value;
        }

        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));
        return FunctionComposition.Compose(settings, FunctionComposition.Production(), new JsonLog(TextWriter.Null, TimeProvider.System));
    }
}
