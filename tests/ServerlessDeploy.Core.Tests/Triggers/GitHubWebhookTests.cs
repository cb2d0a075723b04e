using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

public sealed class GitHubWebhookTests
{
    [Fact]
    public void A_signed_push_to_a_branch_is_accepted_with_a_trigger_and_headers_match_in_any_case()
    {
        var (headers, body, secret) = SampleEvents.GitHubPush();
        var lower = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);

        var outcome = GitHubWebhook.Handle(lower, body, secret);

        Assert.Equal(WebhookVerdict.Accepted, outcome.Verdict);
        Assert.IsType<GitPushed>(outcome.Trigger);
    }

    [Fact]
    public void A_tampered_body_is_unauthorized()
    {
        var (headers, body, secret) = SampleEvents.GitHubPush();
        body[10] ^= 1;

        Assert.Equal(WebhookVerdict.Unauthorized, GitHubWebhook.Handle(headers, body, secret).Verdict);
    }

    [Fact]
    public void A_missing_signature_is_unauthorized()
    {
        var (headers, body, secret) = SampleEvents.GitHubPush();
        headers.Remove("X-Hub-Signature-256");

        Assert.Equal(WebhookVerdict.Unauthorized, GitHubWebhook.Handle(headers, body, secret).Verdict);
    }

    [Fact]
    public void A_wrong_secret_is_unauthorized_and_no_message_shows_a_secret()
    {
        var (headers, body, secret) = SampleEvents.GitHubPush();

        var outcome = GitHubWebhook.Handle(headers, body, Encoding.UTF8.GetBytes("another-secret"));

        Assert.Equal(WebhookVerdict.Unauthorized, outcome.Verdict);
        Assert.DoesNotContain("another-secret", outcome.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Encoding.UTF8.GetString(secret), outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ping_is_answered_with_pong() =>
        Assert.Equal(WebhookVerdict.Pong, Deliver("ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}").Verdict);

    [Fact]
    public void Another_event_type_is_ignored()
    {
        var outcome = Deliver("issues", "{\"action\":\"opened\"}");

        Assert.Equal(WebhookVerdict.Ignored, outcome.Verdict);
        Assert.Null(outcome.Trigger);
    }

    [Fact]
    public void A_body_over_6_MB_is_too_large_before_the_signature_is_checked()
    {
        var body = new byte[(6 * 1024 * 1024) + 1];

        Assert.Equal(WebhookVerdict.TooLarge, GitHubWebhook.Handle(new Dictionary<string, string>(), body, Secret).Verdict);
    }

    [Theory]
    [InlineData("{\"ref\":\"refs/tags/v1.0.0\",\"after\":\"abc\",\"repository\":{\"full_name\":\"o/r\"}}", "not to a branch")]
    [InlineData("{\"ref\":\"refs/heads/old\",\"deleted\":true,\"after\":\"0000000000000000000000000000000000000000\",\"repository\":{\"full_name\":\"o/r\"}}", "deleted")]
    public void A_tag_push_or_branch_deletion_is_ignored(string payload, string reason)
    {
        var outcome = Deliver("push", payload);

        Assert.Equal(WebhookVerdict.Ignored, outcome.Verdict);
        Assert.Null(outcome.Trigger);
        Assert.Contains(reason, outcome.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}", "'repository' is missing")]
    [InlineData("{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"o/r\",\"pushed_at\":1}}", "'after' is missing")]
    public void A_malformed_push_payload_is_malformed(string payload, string error)
    {
        var outcome = Deliver("push", payload);

        Assert.Equal(WebhookVerdict.Malformed, outcome.Verdict);
        Assert.Contains(error, outcome.Message, StringComparison.Ordinal);
    }

    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("unit-test-secret");

    private static WebhookOutcome Deliver(string eventType, string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, body));
        var headers = new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = eventType,
            ["X-Hub-Signature-256"] = signature,
        };
        return GitHubWebhook.Handle(headers, body, Secret);
    }
}
