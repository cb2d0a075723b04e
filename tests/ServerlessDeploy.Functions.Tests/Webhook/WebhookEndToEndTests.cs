using System.Text;
using System.Text.Json;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Webhook;

/// <summary>The webhook function through the real invocation loop against a local Runtime API endpoint.</summary>
public sealed class WebhookEndToEndTests : IAsyncLifetime
{
    private readonly RecordingQueueSender _intake = new();
    private RunningFunction _function = null!;

    public Task InitializeAsync()
    {
        _function = Start(_intake);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _function.DisposeAsync();

    [Fact]
    public async Task A_signed_push_is_accepted_and_exactly_its_normalised_trigger_is_queued()
    {
        var (headers, body) = GitHubDeliveries.Push();

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("Push accepted.", Message(response));
        var sent = Assert.Single(_intake.Sent);
        var expected = GitHubWebhook.Handle(headers, Encoding.UTF8.GetBytes(body), GitHubDeliveries.Secret).Trigger!;
        Assert.Equal(TriggerJson.Serialize(expected), sent.Body);
        var pushed = Assert.IsType<GitPushed>(TriggerJson.Deserialize(sent.Body));
        Assert.Equal(GitPushed.GitHub, pushed.Source);
        Assert.Equal("main", pushed.Branch);
        Assert.Equal("59b20b8d5c6ff8d09518454d4dd8b7a2f2b06a84", pushed.NewCommit);
        Assert.Null(sent.GroupId);
    }

    [Fact]
    public async Task A_base64_body_is_decoded_before_the_signature_is_checked()
    {
        var (headers, body) = GitHubDeliveries.Push();

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, GitHubDeliveries.Base64(body), isBase64Encoded: true));

        Assert.Equal(202, response.StatusCode);
        Assert.IsType<GitPushed>(TriggerJson.Deserialize(Assert.Single(_intake.Sent).Body));
    }

    [Fact]
    public async Task A_body_marked_base64_that_is_not_base64_is_a_bad_request()
    {
        var (headers, _) = GitHubDeliveries.Push();

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, "not base64 !", isBase64Encoded: true));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_wrong_signature_is_refused_and_nothing_is_queued()
    {
        var (headers, body) = GitHubDeliveries.Push();
        headers["x-hub-signature-256"] = "sha256=" + new string('0', 64);

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_missing_signature_is_refused_and_nothing_is_queued()
    {
        var (headers, body) = GitHubDeliveries.Push();
        headers.Remove("x-hub-signature-256");

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var (headers, body) = GitHubDeliveries.Push();

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body.Replace("refs/heads/main", "refs/heads/prod", StringComparison.Ordinal)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_ping_is_answered_200()
    {
        var body = """{"zen":"Keep it logically awesome.","hook_id":292430182}""";

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(GitHubDeliveries.SignedHeaders("ping", Encoding.UTF8.GetBytes(body)), body));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("pong", Message(response));
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task Another_event_type_is_accepted_and_ignored()
    {
        var body = """{"action":"opened","issue":{"number":1}}""";

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(GitHubDeliveries.SignedHeaders("issues", Encoding.UTF8.GetBytes(body)), body));

        Assert.Equal(202, response.StatusCode);
        Assert.Contains("'issues' is ignored", Message(response), StringComparison.Ordinal);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_body_over_6_MB_is_refused_with_413()
    {
        var body = new string(' ', GitHubWebhook.MaxBodyBytes + 1);

        var response = await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(GitHubDeliveries.SignedHeaders("push", Encoding.UTF8.GetBytes(body)), body));

        Assert.Equal(413, response.StatusCode);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task An_event_that_is_not_a_function_url_request_is_an_invocation_error_naming_what_is_missing()
    {
        var post = await _function.InvokeAsync(TestData.Text("testdata/sqs-standard.json"));

        Assert.EndsWith("/error", post.Path, StringComparison.Ordinal);
        Assert.Equal(nameof(LambdaEventFormatException), post.ErrorTypeHeader);
        Assert.Contains("'rawPath'", post.ErrorMessage(), StringComparison.Ordinal);
        Assert.Empty(_intake.Sent);
    }

    [Fact]
    public async Task A_queue_that_cannot_be_reached_answers_503_so_github_can_redeliver()
    {
        await using var function = Start(new RecordingQueueSender(fails: true));
        var (headers, body) = GitHubDeliveries.Push();

        var post = await function.InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));

        var response = FunctionUrlResponse.Parse(Encoding.UTF8.GetBytes(post.Body));
        Assert.Equal(503, response.StatusCode);
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_raw_body_ever_reaches_the_log_or_the_runtime_api()
    {
        var (headers, body) = GitHubDeliveries.Push();
        var badSignature = new Dictionary<string, string>(headers) { ["x-hub-signature-256"] = "sha256=00" };
        await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body));
        await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(badSignature, body));
        await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, GitHubDeliveries.Base64(body), isBase64Encoded: true));
        await InvokeAsync(GitHubDeliveries.FunctionUrlEvent(headers, body[..^1]));

        var (_, log) = await _function.StopAsync();

        var secret = Encoding.UTF8.GetString(GitHubDeliveries.Secret);
        var outputs = _function.Posts.Select(post => post.Body).Append(log).ToList();
        Assert.Contains("webhook: 202 Push accepted.", log, StringComparison.Ordinal);
        Assert.Contains("webhook: 401", log, StringComparison.Ordinal);
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(body[..40], output, StringComparison.Ordinal);
            Assert.DoesNotContain("guestbook: image v1.4.2", output, StringComparison.Ordinal);
            Assert.DoesNotContain(headers["x-hub-signature-256"], output, StringComparison.Ordinal);
        }
    }

    private async Task<FunctionUrlResponse> InvokeAsync(string eventJson)
    {
        var post = await _function.InvokeAsync(eventJson);
        Assert.EndsWith("/response", post.Path, StringComparison.Ordinal);
        var response = FunctionUrlResponse.Parse(Encoding.UTF8.GetBytes(post.Body));
        Assert.Equal("application/json", response.Headers["content-type"]);
        return response;
    }

    private static string Message(FunctionUrlResponse response)
    {
        using var body = JsonDocument.Parse(response.Body);
        return body.RootElement.GetProperty("message").GetString()!;
    }

    private static RunningFunction Start(RecordingQueueSender intake) =>
        new(Variables.Complete("webhook"), new FunctionPorts(
            WebhookSecret: _ => new InMemoryWebhookSecret(GitHubDeliveries.Secret),
            IntakeQueue: _ => intake,
            FailureRecorder: _ => null));
}
