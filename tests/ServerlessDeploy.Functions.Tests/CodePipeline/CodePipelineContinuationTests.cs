using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using k8s;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>A rollout longer than one invocation: the job ends with a continuation token, and the continued job resumes it.</summary>
public sealed class CodePipelineContinuationTests(SlowControllersFixture cluster) : IClassFixture<SlowControllersFixture>, IAsyncLifetime
{
    private static readonly TimeSpan DeadlineMargin = TimeSpan.FromMilliseconds(200);

    private CodePipelineRun _run = null!;

    public async Task InitializeAsync() =>
        // The wait is due at once, so the continued job (CodePipeline's own timer) wakes the sync when it comes.
        _run = await CodePipelineRun.StartAsync(cluster, settings => settings with { DeadlineMargin = DeadlineMargin, ContinueAfter = TimeSpan.Zero });

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task A_rollout_still_waiting_for_health_continues_with_a_token_and_the_continued_job_finishes_it()
    {
        _run.Config.AddApp("a").AddDeployment("a");
        var commit = _run.Config.Commit("an app with a Deployment");
        var continued = _run.Job("codepipeline-job-continued.json");
        _run.Aws.Answer(200, "").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"), DeadlineMargin + TimeSpan.FromSeconds(1));

        var first = Assert.Single(_run.Aws.Requests);
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", first.Header("X-Amz-Target"));
        Assert.Equal("11111111-abcd-1111-abcd-111111abcdef", first.Json["jobId"]!.GetValue<string>());
        var token = first.Json["continuationToken"]!.GetValue<string>();
        Assert.Contains($"\"continuationToken\": \"{token}\"", continued, StringComparison.Ordinal);
        var running = await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Running, running!.Phase);

        await _run.Function.InvokeAsync(continued, TimeSpan.FromMinutes(2));

        var last = _run.Aws.Requests[^1];
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", last.Header("X-Amz-Target"));
        Assert.Equal("22222222-abcd-2222-abcd-222222abcdef", last.Json["jobId"]!.GetValue<string>());
        Assert.Null(last.Json["continuationToken"]);
        var done = await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None);
        Assert.Equal(OperationPhase.Succeeded, done!.Phase);
        Assert.Equal(commit, Assert.Single(await _run.Pipeline.Local.Store.HistoryAsync(_run.Config.App("a"), CancellationToken.None)).Revision);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", _run.Config.Namespace("a"));
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
    }

    [Fact]
    public async Task A_continued_job_keeps_deploying_the_image_its_parameters_name()
    {
        _run.Config.AddApp("a").AddDeployment("a");
        _run.Config.Commit("an app with a Deployment");
        var continued = _run.Job("codepipeline-job-image-continued.json");
        _run.Aws.Answer(200, "").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-image.json"), DeadlineMargin + TimeSpan.FromSeconds(1));
        var token = Assert.Single(_run.Aws.Requests).Json["continuationToken"]!.GetValue<string>();
        Assert.Contains($"\"continuationToken\": \"{token}\"", continued, StringComparison.Ordinal);
        await _run.Function.InvokeAsync(continued, TimeSpan.FromMinutes(2));

        Assert.Null(_run.Aws.Requests[^1].Json["continuationToken"]);
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", _run.Config.Namespace("a"));
        Assert.Equal("nginx:1.28", Assert.Single(deployment.Spec.Template.Spec.Containers).Image);
        Assert.Equal(1, deployment.Status?.ReadyReplicas);
        var state = await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None);
        Assert.Equal(["nginx:1.28"], state!.ImageOverrides);
    }
}
