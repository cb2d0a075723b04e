using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

/// <summary>A push whose commit ids name no commit is rejected by its parser, naming the field and the value.</summary>
public sealed class CommitIdTests
{
    private const string Sha = "26a8f2b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6";

    [Theory]
    [InlineData("commitId", "26a8f2b", "'detail.commitId' is not a commit id (40 lowercase hex digits): '26a8f2b'.")]
    [InlineData("commitId", "26A8F2B0C1D2E3F4A5B6C7D8E9F0A1B2C3D4E5F6", "'detail.commitId' is not a commit id")]
    [InlineData("oldCommitId", "3e5983DESTINATION", "'detail.oldCommitId' is not a commit id (40 lowercase hex digits): '3e5983DESTINATION'.")]
    public void A_CodeCommit_update_with_an_id_that_names_no_commit_is_rejected(string field, string value, string reason)
    {
        var root = JsonNode.Parse(SampleEvents.Read("codecommit-reference-updated.json"))!;
        root["detail"]![field] = value;

        var result = EventBridgeTriggers.Parse(root.ToJsonString());

        Assert.Equal(TriggerParseStatus.Rejected, result.Status);
        Assert.StartsWith("CodeCommit push to gitops-config branch main: ", result.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("after", "abc", "'after' is not a commit id (40 lowercase hex digits): 'abc'.")]
    [InlineData("before", "not-a-sha", "'before' is not a commit id (40 lowercase hex digits): 'not-a-sha'.")]
    [InlineData("after", CommitIds.Zero, "'after' is the all-zero id (no commit), but 'deleted' is not true.")]
    public void A_GitHub_branch_push_with_an_id_that_names_no_commit_is_rejected_naming_it(string field, string value, string reason)
    {
        var payload = new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["before"] = Sha,
            ["after"] = Sha,
            ["repository"] = new JsonObject { ["full_name"] = "o/r", ["pushed_at"] = 1 },
        };
        payload[field] = value;

        var outcome = Deliver(payload.ToJsonString());

        Assert.Equal(WebhookVerdict.Rejected, outcome.Verdict);
        Assert.Null(outcome.Trigger);
        Assert.Equal($"GitHub push to o/r branch main: {reason}", outcome.Message);
    }

    [Fact]
    public void A_GitHub_push_creating_a_branch_keeps_its_all_zero_before_as_no_old_commit()
    {
        var payload = new JsonObject
        {
            ["ref"] = "refs/heads/new",
            ["before"] = CommitIds.Zero,
            ["after"] = Sha,
            ["repository"] = new JsonObject { ["full_name"] = "o/r", ["pushed_at"] = 1 },
        };

        var trigger = Assert.IsType<GitPushed>(Deliver(payload.ToJsonString()).Trigger);

        Assert.Null(trigger.OldCommit);
        Assert.Equal(Sha, trigger.NewCommit);
    }

    [Fact]
    public void A_queued_git_push_whose_ids_name_no_commit_is_rejected_as_its_event_would_be()
    {
        var queued = TriggerJson.Serialize(new GitPushed(GitPushed.GitHub, "o/r", null, "main", null, "HEAD~1", DateTimeOffset.UnixEpoch));

        var result = TriggerJson.Read(queued);

        Assert.Equal(TriggerParseStatus.Rejected, result.Status);
        Assert.Equal("GitHub push to o/r branch main: 'newCommit' is not a commit id (40 lowercase hex digits): 'HEAD~1'.", result.Reason);
    }

    [Fact]
    public void A_queued_git_push_with_commit_ids_is_parsed()
    {
        var push = new GitPushed(GitPushed.CodeCommit, "r", null, "main", CommitIds.Zero, Sha, DateTimeOffset.UnixEpoch);

        Assert.Equal(push, TriggerJson.Read(TriggerJson.Serialize(push)).Trigger);
    }

    private static WebhookOutcome Deliver(string payload)
    {
        var secret = Encoding.UTF8.GetBytes("commit-id-test-secret");
        var body = Encoding.UTF8.GetBytes(payload);
        var headers = new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = "push",
            ["X-Hub-Signature-256"] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)),
        };
        return GitHubWebhook.Handle(headers, body, secret);
    }
}
