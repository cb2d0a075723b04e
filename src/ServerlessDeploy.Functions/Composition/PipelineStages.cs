using ServerlessDeploy.Aws.CodePipeline;
using ServerlessDeploy.Aws.Ecr;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Aws.EventBridge;
using ServerlessDeploy.Aws.Git;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.Aws.Notifications;
using ServerlessDeploy.Aws.Rendering;
using ServerlessDeploy.Aws.Scheduler;
using ServerlessDeploy.Aws.Sqs;
using ServerlessDeploy.Aws.Ssm;
using ServerlessDeploy.Aws.State;
using ServerlessDeploy.Aws.Timers;
using ServerlessDeploy.Functions.CodePipeline;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Sqs;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Kubernetes.Discovery;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.Queues;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;

using ServerlessDeploy.Pipeline.Reconciling;

namespace ServerlessDeploy.Functions.Composition;

/// <summary>The router, the deployer and the CodePipeline action wired on the AWS adapters, as ServerlessDeploy.Local's LocalDeployer wires them
/// on the local ones: Git cached under /tmp, DynamoDB state, the deploy FIFO queue, EKS clusters, the real renderer,
/// EventBridge and chat notices.</summary>
internal static class PipelineStages
{
    /// <summary>Where in the render cache bucket the entries are (the stack grants the deployer this prefix only).</summary>
    public const string RenderCachePrefix = "render-cache/";

    public static QueueStages Router(FunctionSettings settings, AwsClients aws)
    {
        var time = TimeProvider.System;
        var (pipeline, sources, _, config) = Git(settings, aws);
        var store = new DynamoStateStore(aws.Dynamo, settings.TableName, time);
        var router = new Router(config, sources, pipeline, Queue(settings.DeployQueueUrl, () => aws), store, time);
        return new QueueStages(new RouterHandler(router).HandleAsync);
    }

    /// <summary>Deploy requests from the deploy FIFO queue and wake-ups from the wake-up queue, each retried on its own queue.</summary>
    public static QueueStages Deployer(FunctionSettings settings, AwsClients aws, HttpClient http)
    {
        var (deployer, comparePass) = Engines(settings, aws, http);
        var wakeUps = settings.WakeUps is { } queue
            ? new Dictionary<string, MessageStage>
            {
                [queue.QueueArn] = new DeployerHandler(deployer, new SqsQueue(aws.Sqs, queue.QueueUrl)).HandleAsync,
            }
            : null;
        return new QueueStages(new DeployerHandler(deployer, new SqsQueue(aws.Sqs, settings.DeployQueueUrl), comparePass()).HandleAsync, wakeUps);
    }

    /// <summary>The CodePipeline action: the same deployer, job results to CodePipeline, artifacts from S3.</summary>
    public static CodePipelineFunction CodePipeline(FunctionSettings settings, AwsClients aws, HttpClient http, JsonLog log) => new(
        Engines(settings, aws, http).Deployer,
        new CodePipelineJobs(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.CodePipeline, aws.Region), http)),
        new JobArtifacts(new S3Artifacts(new S3ArtifactOptions(aws.Region))),
        log,
        TimeProvider.System);

    /// <summary>
    /// The deployer, and the compare pass a reconcile tick sends it over the same Git cache, state, clusters and renderer
    /// (built only by the deployer function: the CodePipeline action has no deploy queue to send apps on to).
    /// </summary>
    private static (Deployer Deployer, Func<ComparePass> ComparePass) Engines(FunctionSettings settings, AwsClients aws, HttpClient http)
    {
        var time = TimeProvider.System;
        var (pipeline, sources, writer, config) = Git(settings, aws);
        var store = new DynamoStateStore(aws.Dynamo, settings.TableName, time);
        var registry = new EcrImages(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.Ecr, aws.Region), http));
        // Built once per container: its requests share each cluster's discovery for a few minutes.
        var clusters = new EksClusters(settings.Clusters, time: time, discovery: new DiscoveryCache(time));
        var renderer = new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner());
        var deployer = new Deployer(
            config,
            sources,
            DeployerStore.Of(store),
            clusters,
            renderer,
            Notifier(settings, aws, http),
            new ImageUpdater(store, registry, writer, settings.ImageUpdates),
            pipeline,
            time,
            new SyncWaits(store, Timer(settings, aws, http, time)));
        return (deployer, () => new ComparePass(
            config, sources, DeployerStore.Of(store), clusters, renderer, Renders(settings, aws), Queue(settings.DeployQueueUrl, () => aws), pipeline, time));
    }

    /// <summary>
    /// Renders through the render cache, with the deployer's renderer and tools: the S3 bucket RENDER_CACHE_BUCKET
    /// names (entries under <see cref="RenderCachePrefix"/>), or none when it is unset.
    /// </summary>
    public static CachedRenders Renders(FunctionSettings settings, AwsClients aws)
    {
        var tools = ToolPaths.FromProcess();
        return new CachedRenders(new ManifestRenderer(tools, new ProcessRunner()), RenderCache(settings, aws), ToolVersions.Of(tools));
    }

    public static IRenderCache RenderCache(FunctionSettings settings, AwsClients aws) =>
        settings.RenderCacheBucket is { } bucket ? new S3RenderCache(aws.S3, bucket, RenderCachePrefix) : new NoRenderCache();

    /// <summary>
    /// The deployer's wake-ups: SQS message timers up to 15 minutes, Scheduler one-time schedules beyond. The
    /// CodePipeline action has none: its job, continued with the token, wakes the sync.
    /// </summary>
    private static AwsTimer? Timer(FunctionSettings settings, AwsClients aws, HttpClient http, TimeProvider time) =>
        settings.WakeUps is not { } wakeUps ? null : new AwsTimer(
            aws.Sqs,
            new EventBridgeSchedules(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.Scheduler, aws.Region), http), new OneTimeSchedulesOptions(wakeUps.ScheduleGroupName)),
            new AwsTimerOptions(wakeUps.QueueUrl, wakeUps.QueueArn, wakeUps.SchedulerRoleArn),
            time);

    /// <summary>A file:// queue for local runs and the bench; otherwise the SQS queue at that URL.</summary>
    public static IQueueSender Queue(string url, Func<AwsClients> aws) =>
        FunctionSettingsReader.IsFile(url) ? new Local.FileQueueSender(url[FunctionSettingsReader.FileScheme.Length..]) : new SqsQueue(aws().Sqs, url);

    public static SsmSecret Secret(AwsClients aws, string parameterName) => new(aws.Ssm, new SsmSecretOptions(parameterName));

    /// <summary>Git as the pipeline's sources, read and written with the AWS credentials (a GitHub token from SSM, CodeCommit's SigV4).</summary>
    private static (PipelineSettings, ISourceRepository, ISourceWriter, ConfigRepository) Git(FunctionSettings settings, AwsClients aws)
    {
        var pipeline = new PipelineSettings(settings.ConfigRepoUrl, settings.ConfigBranch, settings.AppsPath)
        {
            ReconcileFanOut = settings.ReconcileFanOut,
            AppsPerComparePass = settings.AppsPerComparePass,
        };
        pipeline.Validate();
        var git = new GitSources(new GitSourceOptions(settings.GitCacheDirectory), TimeProvider.System);
        var token = settings.GitTokenParameter is { } parameter ? Secret(aws, parameter) : null;
        var credentials = new AwsGitCredentials(token is null ? null : token.GetAsync, gitHubEnterpriseHosts: settings.GitHubHosts);
        var sources = new GitSourceRepository(git, credentials);
        return (pipeline, sources, new GitSourceWriter(git, credentials), new ConfigRepository(sources, pipeline));
    }

    /// <summary>Every finished sync goes to EventBridge and to each configured chat webhook.</summary>
    private static CompositeNotifier Notifier(FunctionSettings settings, AwsClients aws, HttpClient http)
    {
        var events = new EventBridgeClient(new AwsJsonClient(new AwsJsonClientOptions(AwsJsonService.EventBridge, aws.Region), http));
        var channels = new List<NotificationChannel>
        {
            new("eventbridge", new EventBridgeNotifier(events, new EventBridgeNotifierOptions(settings.EventBusName))),
        };
        channels.AddRange(settings.ChatWebhooks.Select(chat =>
            new NotificationChannel(chat.ChannelName, new SsmChatWebhookNotifier(chat.Service, Secret(aws, chat.ParameterName), http))));
        return new CompositeNotifier(channels);
    }
}
