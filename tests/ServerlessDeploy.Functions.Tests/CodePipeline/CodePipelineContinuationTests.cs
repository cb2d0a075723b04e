using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using k8s;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>A rollout longer than one invocation: the job ends with a continuation token, and the continued job resumes it.</summary>
public sealed class CodePipelineContinuationTests(SlowControllersFixture cluster) : IClassFixture<SlowControllersFixture>, IAsyncLifetime
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(200);

    private CodePipelineRun run = null!;

    public async Task InitializeAsync() =>
        // The wait is due at once, so the continued job (CodePipeline's own timer) wakes the sync when it comes.
        run = await CodePipelineRun.StartAsync(cluster, settings => settings with { DeadlineMargin = DeadlineMargin, ContinueAfter = TimeSpan.Zero });

    public async Task DisposeAsync() => await run.DisposeAsync();

    [Fact]
    public async Task A_rollout_still_waiting_for_health_continues_with_a_token_and_the_continued_job_finishes_it()
    {
        run.Config.AddApp("a").AddDeployment("a");
        var commit = run.Config.Commit("an app with a Deployment");
        var continued = run.Job("codepipeline-job-continued.json");
        run.Aws.Answer(200, "").Answer(200, "");

        await run.Function.InvokeAsync(run.Job("codepipeline-job.json"), DeadlineMargin + TimeSpan.FromSeconds(1));

        var first = Assert.Single(run.Aws.Requests);
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", first.Header("X-Amz-Target"));
        Assert.Equal("11111111-abcd-1111-abcd-111111abcdef", first.Json["jobId"]!.GetValue<string>());
        var token = first.Json["continuationToken"]!.GetValue<string>();
        Assert.Contains($"\"continuationToken\": \"{token}\"", continued, StringComparison.Ordinal);
        var running = await run.Pipeline.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Running, running!.Phase);

        await run.Function.InvokeAsync(continued, TimeSpan.FromMinutes(2));

        var last = run.Aws.Requests[^1];
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", last.Header("X-Amz-Target"));
        Assert.Equal("22222222-abcd-2222-abcd-222222abcdef", last.Json["jobId"]!.GetValue<string>());
        Assert.Null(last.Json["continuationToken"]);
        var done = await run.Pipeline.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, done!.Phase);
        Assert.Equal(commit, Assert.Single(await run.Pipeline.Local.Store.HistoryAsync(run.Config.App("a"), CancellationToken.None)).Revision);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", run.Config.Namespace("a"));
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
    }

    [Fact]
    public async Task A_continued_job_keeps_deploying_the_image_its_parameters_name()
    {
        run.Config.AddApp("a").AddDeployment("a");
        run.Config.Commit("an app with a Deployment");
        var continued = run.Job("codepipeline-job-image-continued.json");
        run.Aws.Answer(200, "").Answer(200, "");

        await run.Function.InvokeAsync(run.Job("codepipeline-job-image.json"), DeadlineMargin + TimeSpan.FromSeconds(1));
        var token = Assert.Single(run.Aws.Requests).Json["continuationToken"]!.GetValue<string>();
        Assert.Contains($"\"continuationToken\": \"{token}\"", continued, StringComparison.Ordinal);
        await run.Function.InvokeAsync(continued, TimeSpan.FromMinutes(2));

        Assert.Null(run.Aws.Requests[^1].Json["continuationToken"]);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", run.Config.Namespace("a"));
        Assert.Equal("nginx:1.28", Assert.Single(deployment.Spec.Template.Spec.Containers).Image);
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
        var state = await run.Pipeline.Local.Store.GetAppAsync(run.Config.App("a"), CancellationToken.None);
        Assert.Equal(["nginx:1.28"], state!.ImageOverrides);
    }
}
