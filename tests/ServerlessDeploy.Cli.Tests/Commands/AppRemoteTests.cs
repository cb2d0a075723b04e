using ServerlessDeploy.Cli.Tests.Support;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Sqs;

namespace ServerlessDeploy.Cli.Tests.Commands;

/// <summary>
/// "sdeploy app sync|rollback --remote" as its own process, with the AWS SDK pointed at a recording endpoint through
/// the environment of that process only: what reaches "SQS" must read back as the request asked for.
/// </summary>
public sealed class AppRemoteTests : IAsyncLifetime, IDisposable
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/serverless-deploy-intake";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string MessageId = "0b6d5f3e-2d8a-4c2e-9a51-7e1f0c3d9b42";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sdeploy-remote-");
    private RecordingServer _sqs = null!;

    /// <summary>SQS's JSON protocol: SendMessage answered with the MD5 of whatever body the process sent, which the SDK checks.</summary>
    public async Task InitializeAsync() => _sqs = (await RecordingServer.StartAsync()).AnswerEvery(request => SqsAnswers.Sent(request, MessageId));

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Sync_sends_a_sync_request_with_the_revision_and_requester_to_the_given_queue()
    {
        using var sdeploy = await RunAsync([], "app", "sync", "guestbook", "--remote", "--queue-url", QueueUrl, "--revision", "3f1c2a9");

        Assert.True(sdeploy.ExitCode == 0, sdeploy.ToString());
        Assert.Equal(new SyncRequested("guestbook", "3f1c2a9", "alice"), SentTrigger());
        Assert.Equal($"sync request for guestbook sent to {QueueUrl} (message {MessageId})\n", sdeploy.Output);
    }

    [Theory]
    [InlineData(new[] { "guestbook", "3", "--force" }, 3L, true)]
    [InlineData(new[] { "guestbook" }, null, false)]
    public async Task Rollback_sends_a_rollback_request_to_the_queue_from_the_environment(string[] arguments, long? historyId, bool force)
    {
        using var sdeploy = await RunAsync(new() { [IntakeQueueVariable] = QueueUrl }, ["app", "rollback", .. arguments, "--remote"]);

        Assert.True(sdeploy.ExitCode == 0, sdeploy.ToString());
        Assert.Equal(new RollbackRequested("guestbook", historyId, force), SentTrigger());
        Assert.Contains($"sent to {QueueUrl} (message {MessageId})", sdeploy.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sync", "guestbook")]
    [InlineData("rollback", "guestbook")]
    public async Task Without_a_queue_url_the_exit_is_2_naming_both_ways_to_give_one(string verb, string app)
    {
        using var sdeploy = await RunAsync([], "app", verb, app, "--remote");

        AssertRefused(sdeploy, "--queue-url");
        Assert.Contains(IntakeQueueVariable, sdeploy.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("three")]
    public async Task A_history_id_that_is_not_a_positive_integer_is_exit_2(string historyId)
    {
        using var sdeploy = await RunAsync([], "app", "rollback", "guestbook", historyId, "--remote", "--queue-url", QueueUrl);

        AssertRefused(sdeploy, "history-id must be a positive integer");
    }

    [Theory]
    [InlineData(new[] { "sync", "guestbook", "--remote", "--prune" }, "--prune")]
    [InlineData(new[] { "sync", "guestbook", "--remote", "--kubeconfig", "k" }, "--kubeconfig")]
    [InlineData(new[] { "sync", "apps/guestbook.yaml", "--remote" }, "name, not a file")]
    [InlineData(new[] { "rollback", "guestbook", "3" }, "rollback needs --remote")]
    public async Task Options_that_do_not_fit_the_remote_form_are_exit_2_naming_them(string[] arguments, string named)
    {
        using var sdeploy = await RunAsync(new() { [IntakeQueueVariable] = QueueUrl }, ["app", .. arguments]);

        AssertRefused(sdeploy, named);
    }

    [Theory]
    [InlineData(new[] { "promote", "web" }, RolloutVerb.Promote)]
    [InlineData(new[] { "promote", "web", "--full" }, RolloutVerb.PromoteFull)]
    [InlineData(new[] { "abort", "web" }, RolloutVerb.Abort)]
    [InlineData(new[] { "retry", "web" }, RolloutVerb.Retry)]
    [InlineData(new[] { "restart", "web" }, RolloutVerb.Restart)]
    public async Task A_rollout_verb_with_remote_sends_the_action_with_its_app_and_requester(string[] arguments, RolloutVerb verb)
    {
        using var sdeploy = await RunAsync([], ["rollouts", .. arguments, "-n", "demo-canary", "--app", "canary", "--remote", "--queue-url", QueueUrl]);

        Assert.True(sdeploy.ExitCode == 0, sdeploy.ToString());
        Assert.Equal(new RolloutActionRequested("canary", "demo-canary", "web", verb, "alice"), SentTrigger());
        Assert.Contains($"of Rollout demo-canary/web (canary) sent to {QueueUrl} (message {MessageId})", sdeploy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_with_remote_sends_the_delay_asked_for_with_in()
    {
        using var sdeploy = await RunAsync([], ["rollouts", "restart", "web", "--in", "90s", "-n", "demo-canary", "--app", "canary", "--remote", "--queue-url", QueueUrl]);

        Assert.True(sdeploy.ExitCode == 0, sdeploy.ToString());
        Assert.Equal(new RolloutActionRequested("canary", "demo-canary", "web", RolloutVerb.Restart, "alice") { RestartIn = TimeSpan.FromSeconds(90) }, SentTrigger());
        Assert.Contains($"restart of Rollout demo-canary/web (canary) sent to {QueueUrl}", sdeploy.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "promote", "web", "-n", "demo-canary", "--remote" }, "--remote needs --app")]
    [InlineData(new[] { "promote", "web", "--app", "canary", "--remote" }, "--remote needs -n/--namespace")]
    [InlineData(new[] { "abort", "web", "-n", "demo-canary", "--app", "canary", "--remote", "--kubeconfig", "k" }, "--kubeconfig does not apply with --remote")]
    [InlineData(new[] { "abort", "web", "-n", "demo-canary", "--app", "canary", "--kubeconfig", "k" }, "--app needs --remote")]
    public async Task Rollout_verbs_refuse_what_does_not_fit_the_remote_form_with_exit_2(string[] arguments, string named)
    {
        using var sdeploy = await RunAsync(new() { [IntakeQueueVariable] = QueueUrl }, ["rollouts", .. arguments]);

        AssertRefused(sdeploy, named);
        Assert.Empty(_sqs.Requests);
    }

    [Fact]
    public async Task Without_an_aws_region_the_exit_is_2_saying_how_to_set_one()
    {
        using var sdeploy = await RunAsync(new() { ["AWS_REGION"] = null }, "app", "sync", "guestbook", "--remote", "--queue-url", QueueUrl);

        AssertRefused(sdeploy, "AWS_REGION");
    }

    [Fact]
    public async Task An_sqs_error_is_exit_1_naming_its_code_and_never_the_secret_key()
    {
        _sqs.AnswerEvery(_ => SqsAnswers.Error("QueueDoesNotExist", "The specified queue does not exist."));

        using var sdeploy = await RunAsync([], "app", "rollback", "guestbook", "--remote", "--queue-url", QueueUrl);

        Assert.True(sdeploy.ExitCode == 1, sdeploy.ToString());
        Assert.Contains("QueueDoesNotExist: The specified queue does not exist.", sdeploy.Error, StringComparison.Ordinal);
        Assert.Equal("AmazonSQS.SendMessage", Assert.Single(_sqs.Requests).Header("X-Amz-Target"));
    }

    [Fact]
    public async Task A_direct_sync_whose_lease_table_cannot_be_reached_changes_nothing_and_says_why()
    {
        using var sdeploy = await RunAsync(new() { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:1" }, "app", "sync", GuestbookApp(), "--table", "serverless-deploy-state");

        Assert.True(sdeploy.ExitCode == 1, sdeploy.ToString());
        Assert.Contains("--table serverless-deploy-state: cannot take the app's lease", sdeploy.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", sdeploy.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, sdeploy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_sync_with_a_lease_table_but_no_region_is_invalid_input()
    {
        using var sdeploy = await RunAsync(new() { ["AWS_REGION"] = null }, "app", "sync", GuestbookApp(), "--table", "serverless-deploy-state");

        Assert.True(sdeploy.ExitCode == 2, sdeploy.ToString());
        Assert.Contains("--table: no AWS region", sdeploy.Error, StringComparison.Ordinal);
    }

    private static string GuestbookApp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "examples", "apps", "guestbook.yaml");
            }
        }

        throw new InvalidOperationException("not inside the repository");
    }

    private const string IntakeQueueVariable = "SDEPLOY_INTAKE_QUEUE_URL";

    private Task<SdeployProcess> RunAsync(Dictionary<string, string?> overrides, params string[] arguments)
    {
        // Only what a test sets reaches the SDK: no profile, config file, instance metadata or inherited queue.
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_SQS"] = _sqs.Url.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_CONFIG_FILE"] = Path.Combine(_directory.FullName, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory.FullName, "credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            [IntakeQueueVariable] = null,
            ["USER"] = "alice",
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return RunToEndAsync(environment, arguments);
    }

    private static async Task<SdeployProcess> RunToEndAsync(Dictionary<string, string?> environment, string[] arguments)
    {
        var sdeploy = SdeployProcess.Start(environment, arguments);
        Assert.True(await sdeploy.WaitForExitAsync(Deadline), sdeploy.ToString());
        // The process only ever reads the secret key; whatever happened, it must not print it.
        Assert.DoesNotContain(SecretKey, sdeploy.Output + sdeploy.Error, StringComparison.Ordinal);
        return sdeploy;
    }

    private void AssertRefused(SdeployProcess sdeploy, string named)
    {
        Assert.True(sdeploy.ExitCode == 2, sdeploy.ToString());
        Assert.Contains(named, sdeploy.Error, StringComparison.Ordinal);
        Assert.Empty(_sqs.Requests);
    }

    private Trigger? SentTrigger()
    {
        var request = Assert.Single(_sqs.Requests);
        Assert.Equal("AmazonSQS.SendMessage", request.Header("X-Amz-Target"));
        var body = request.Json;
        Assert.Equal(QueueUrl, body["QueueUrl"]!.GetValue<string>());
        var parsed = EventBridgeTriggers.Parse(body["MessageBody"]!.GetValue<string>());
        Assert.Equal(TriggerParseStatus.Parsed, parsed.Status);
        return parsed.Trigger;
    }
}
