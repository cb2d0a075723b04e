using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Functions.CodePipeline;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>
/// The codepipeline function running its real invocation loop, with a local deployer on a temp config repository and
/// one recording endpoint that stands in for both CodePipeline and S3 (answers are scripted in call order).
/// </summary>
internal sealed class CodePipelineRun : IAsyncDisposable
{
    private CodePipelineRun(PipelineRun pipeline, RecordingServer aws)
    {
        Pipeline = pipeline;
        Aws = aws;
        Function = new RunningFunction(Variables.Complete("codepipeline"), new FunctionPorts(
            WebhookSecret: _ => throw new InvalidOperationException("the codepipeline handler reads no webhook secret"),
            IntakeQueue: _ => throw new InvalidOperationException("the codepipeline handler sends to no queue"),
            FailureRecorder: _ => null,
            CodePipeline: (_, log) => new CodePipelineFunction(
                pipeline.Local.Deployer,
                new CodePipelineJobs(new AwsJsonClient(
                    new AwsJsonClientOptions(AwsJsonService.CodePipeline, TestCredentials.Region, aws.Url, MaxRetries: 0), aws.Http, TestCredentials.Basic)),
                new JobArtifacts(new S3Artifacts(new S3ArtifactOptions(TestCredentials.Region, aws.Url))),
                log,
                TimeProvider.System)));
    }

    public PipelineRun Pipeline { get; }

    public ConfigRepo Config => Pipeline.Config;

    public RecordingServer Aws { get; }

    public RunningFunction Function { get; }

    /// <param name="notifier">The deployer's notifier, made with the recording endpoint (e.g. EventBridge sent there too); null
    /// means the pipeline run's recording notifier.</param>
    public static async Task<CodePipelineRun> StartAsync(
        ClusterFixture cluster, Func<PipelineSettings, PipelineSettings>? configure = null, Func<RecordingServer, CompositeNotifier>? notifier = null)
    {
        var aws = await RecordingServer.StartAsync();
        return new(new PipelineRun(cluster, configure, notifier: notifier?.Invoke(aws)), aws);
    }

    /// <summary>A recorded job event from testdata/, for the app <paramref name="shortName"/> of this run's config repository.</summary>
    public string Job(string file, string shortName = "a") => TestData.Text($"testdata/{file}").Replace("{app}", Config.App(shortName), StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Function.DisposeAsync();
        await Aws.DisposeAsync();
        Pipeline.Dispose();
    }
}
