using System.Text.Json.Nodes;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using ServerlessDeploy.Testing.Signing;
using k8s;

namespace ServerlessDeploy.Functions.Tests.CodePipeline;

/// <summary>The codepipeline function end to end: recorded job events in, a real deployer against the local API server,
/// and the job results it sends to the endpoint standing in for CodePipeline (and S3 for artifacts).</summary>
public sealed class CodePipelineFunctionTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private const string SuccessTarget = "CodePipeline_20150709.PutJobSuccessResult";
    private const string FailureTarget = "CodePipeline_20150709.PutJobFailureResult";
    private const string ArtifactSecretKey = "jobArtifactSecret/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string ArtifactSessionToken = "IQoJb3JpZ2luX2VjEJOBARTIFACTSESSIONTOKENEXAMPLE//////////wEaCWV1LXdlc3QtMSJHMEUCIQEXAMPLE=";

    private CodePipelineRun _run = null!;

    public async Task InitializeAsync() => _run = await CodePipelineRun.StartAsync(cluster);

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task A_job_deploys_the_app_and_ends_with_a_signed_put_job_success_result()
    {
        _run.Config.AddApp("a");
        var commit = _run.Config.Commit("one app");
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"));

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(SuccessTarget, result.Header("X-Amz-Target"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"jobId":"11111111-abcd-1111-abcd-111111abcdef"}"""), result.Json), result.BodyText);
        SigV4Verifier.AssertVerifies(result, TestCredentials.SecretKey);
        Assert.Equal("hello", await GreetingAsync());
        var entry = Assert.Single(await _run.Pipeline.Local.Store.HistoryAsync(_run.Config.App("a"), CancellationToken.None));
        Assert.Equal(commit, entry.Revision);
        Assert.Equal("codepipeline:11111111-abcd-1111-abcd-111111abcdef", entry.Initiator);
    }

    [Fact]
    public async Task The_same_job_invoked_again_deploys_once_and_succeeds_again()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        _run.Aws.Answer(200, "").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"));
        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"));

        Assert.All(_run.Aws.Requests, r => Assert.Equal(SuccessTarget, r.Header("X-Amz-Target")));
        Assert.Single(await _run.Pipeline.Local.Store.HistoryAsync(_run.Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task An_image_parameter_deploys_that_image()
    {
        _run.Config.AddApp("a").AddDeployment("a");
        _run.Config.Commit("an app with a Deployment");
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-image.json"));

        Assert.Equal(SuccessTarget, Assert.Single(_run.Aws.Requests).Header("X-Amz-Target"));
        var deployment = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", _run.Config.Namespace("a"));
        Assert.Equal("nginx:1.28", Assert.Single(deployment.Spec.Template.Spec.Containers).Image);
    }

    [Fact]
    public async Task A_failed_sync_ends_with_put_job_failure_result_carrying_the_deployers_message()
    {
        _run.Config.AddApp("a");
        _run.Config.Repository.Write("workloads/a/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [this is not: valid\n");
        _run.Config.Commit("a broken manifest");
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"));

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal("11111111-abcd-1111-abcd-111111abcdef", result.Json["jobId"]!.GetValue<string>());
        Assert.Equal("JobFailed", result.Json["failureDetails"]!["type"]!.GetValue<string>());
        var message = result.Json["failureDetails"]!["message"]!.GetValue<string>();
        Assert.StartsWith($"{_run.Config.App("a")}: sync failed", message, StringComparison.Ordinal);
        Assert.Contains("broken.yaml", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_user_parameters_fail_the_job_naming_each_problem_and_deploy_nothing()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-invalid-parameters.json"));

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal(
            "UserParameters: unknown key(s) sourse (known: app, revision, image, source); \"image\" 'nginx' is not name:tag",
            result.Json["failureDetails"]!["message"]!.GetValue<string>());
        Assert.Null(await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_job_naming_an_app_the_config_repository_lacks_fails_naming_the_app_and_the_repository_at_its_revision()
    {
        _run.Config.AddApp("a");
        var commit = _run.Config.Commit("one app");
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json", "missing"));

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal(
            $"application '{_run.Config.App("missing")}' is not in the config repository {_run.Config.Url}@{commit[..7]}",
            result.Json["failureDetails"]!["message"]!.GetValue<string>());
        Assert.Null(await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("missing"), CancellationToken.None));
    }

    [Theory]
    [InlineData("\"bucketName\"", "\"bucket\"", "missing required properties including: 'bucketName'")]
    [InlineData("\"UserParameters\": \"", "\"UserParameters\": 42, \"Was\": \"", ".configuration.UserParameters")]
    public async Task A_malformed_job_event_with_a_readable_id_fails_that_job_naming_the_field_and_no_credentials(string field, string malformed, string named)
    {
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json").Replace(field, malformed, StringComparison.Ordinal));
        var (_, log) = await _run.Function.StopAsync();

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal("55555555-abcd-5555-abcd-555555abcdef", result.Json["jobId"]!.GetValue<string>());
        var message = result.Json["failureDetails"]!["message"]!.GetValue<string>();
        Assert.StartsWith("the job event is malformed: ", message, StringComparison.Ordinal);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains("job 55555555-abcd-5555-abcd-555555abcdef failed: the job event is malformed", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSecretKey, log + result.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSessionToken, log + result.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\": \"55555555-abcd-5555-abcd-555555abcdef\"", "\"jobId\": \"55555555-abcd-5555-abcd-555555abcdef\"")]
    [InlineData("\"id\": \"55555555-abcd-5555-abcd-555555abcdef\"", "\"id\": 42")]
    public async Task A_job_event_without_a_readable_id_is_an_invocation_error_saying_no_result_can_be_sent(string id, string replaced)
    {
        var post = await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json").Replace(id, replaced, StringComparison.Ordinal));
        var (_, log) = await _run.Function.StopAsync();

        Assert.Empty(_run.Aws.Requests);
        Assert.EndsWith("/error", post.Path, StringComparison.Ordinal);
        Assert.StartsWith("codepipeline: no job id can be read, so no job result can be sent", post.ErrorMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSecretKey, log + post.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSessionToken, log + post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_app_ends_the_job_with_a_continuation_token()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        var now = DateTimeOffset.UtcNow;
        Assert.True(await _run.Pipeline.Local.Store.TryAcquireLeaseAsync(_run.Config.App("a"), "deploy:another", now.AddMinutes(5), now, CancellationToken.None));
        _run.Aws.Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job.json"));

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(SuccessTarget, result.Header("X-Amz-Target"));
        Assert.Equal("4de2bb14aa5c91f6d6fa685c3bd469691ce7057f2cee637efba4620492654c31", result.Json["continuationToken"]!.GetValue<string>());
        var (_, log) = await _run.Function.StopAsync();
        Assert.Contains("continues (Retry)", log, StringComparison.Ordinal);
        Assert.Contains("another sync holds the app", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_artifact_is_read_from_s3_with_the_jobs_credentials_and_deployed_at_its_revision()
    {
        _run.Config.AddApp("a", greeting: "from git");
        _run.Config.Commit("one app");
        _run.Aws.Answer(200, ArtifactZips.Of(("workloads/a/settings.yaml", ConfigRepo.SettingsManifest("from the artifact"))), "application/zip").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json"));

        Assert.Equal(2, _run.Aws.Requests.Count);
        var download = _run.Aws.Requests[0];
        Assert.Equal("GET", download.Method);
        Assert.Equal("/codepipeline-eu-west-1-123456789012/web-pipeline/SourceArti/Xk3Lp9Q.zip", download.Path);
        Assert.Equal("ASIAJOBARTIFACTEXAMPLE", SigV4Verifier.Parse(download).AccessKey);
        Assert.Equal("s3", SigV4Verifier.Parse(download).Service);
        Assert.Equal(ArtifactSessionToken, download.Header("X-Amz-Security-Token"));
        Assert.Equal(SuccessTarget, _run.Aws.Requests[1].Header("X-Amz-Target"));
        Assert.Equal("from the artifact", await GreetingAsync());
        var state = await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None);
        Assert.Equal("9f1c2a7e5b3d4c6a8e0f1b2c3d4e5f60718293a4", state!.Revision);
    }

    [Fact]
    public async Task An_artifact_entry_leaving_its_folder_fails_the_job_naming_the_entry_and_deploys_nothing()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        var zip = ArtifactZips.Of(("workloads/a/settings.yaml", ConfigRepo.SettingsManifest("fine")), ("../../sdeploy-zip-slip.yaml", ConfigRepo.SettingsManifest("escaped")));
        _run.Aws.Answer(200, zip, "application/zip").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json"));

        var result = _run.Aws.Requests[^1];
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Contains("'../../sdeploy-zip-slip.yaml' would be written outside its folder", result.Json["failureDetails"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "sdeploy-zip-slip.yaml")));
        Assert.Null(await _run.Pipeline.Local.Store.GetAppAsync(_run.Config.App("a"), CancellationToken.None));
    }

    [Fact]
    public async Task A_job_asking_for_an_artifact_it_does_not_have_fails_saying_so()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        _run.Aws.Answer(200, "");
        var job = _run.Job("codepipeline-job.json").Replace("\\\"}\"", "\\\", \\\"source\\\": \\\"artifact\\\"}\"", StringComparison.Ordinal);

        await _run.Function.InvokeAsync(job);

        var result = Assert.Single(_run.Aws.Requests);
        Assert.Equal(FailureTarget, result.Header("X-Amz-Target"));
        Assert.Equal(
            $"{_run.Config.App("a")}: \"source\": \"artifact\" is set, but the action has no input artifact",
            result.Json["failureDetails"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_jobs_artifact_credentials_never_reach_the_log()
    {
        _run.Config.AddApp("a");
        _run.Config.Commit("one app");
        _run.Aws
            .Answer(200, ArtifactZips.Of(("workloads/a/settings.yaml", ConfigRepo.SettingsManifest("from the artifact"))), "application/zip").Answer(200, "")
            .Answer(403, """<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>""", contentType: "application/xml").Answer(200, "");

        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json"));
        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json").Replace("55555555", "66666666", StringComparison.Ordinal));
        await _run.Function.InvokeAsync(_run.Job("codepipeline-job-artifact.json").Replace("\"id\"", "\"jobId\"", StringComparison.Ordinal));
        var (_, log) = await _run.Function.StopAsync();

        Assert.Contains("AccessDenied", log, StringComparison.Ordinal);
        Assert.Contains("missing required properties", log, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSecretKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSessionToken, log, StringComparison.Ordinal);
        var job = CodePipelineJobEvent.Parse(TestData.Bytes("testdata/codepipeline-job-artifact.json")).ToString();
        Assert.DoesNotContain(ArtifactSecretKey, job, StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactSessionToken, job, StringComparison.Ordinal);
    }

    private async Task<string> GreetingAsync() =>
        (await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", _run.Config.Namespace("a"))).Data["greeting"];
}
