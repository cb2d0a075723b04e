using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

/// <summary>
/// The triggers AWS and GitHub publish, unchanged (events/published/, sources in its README), and the answer each gets:
/// a trigger, or a clear reason when the sample's placeholders name no commit.
/// </summary>
public sealed class PublishedEventTests
{
    [Fact]
    public void The_aws_docs_ECR_push_is_an_image_pushed_trigger() =>
        Assert.Equal(
            new ImagePushed("123456789012", "us-west-2", "my-repository-name", "latest",
                "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234",
                new DateTimeOffset(2019, 11, 16, 1, 54, 34, TimeSpan.Zero)),
            EventBridgeTriggers.Parse(Published("ecr-image-action.aws-docs.json")).Trigger);

    [Theory]
    [InlineData("codecommit-reference-created.aws-docs.json", "'detail.commitId' is not a commit id (40 lowercase hex digits): '3e5983DESTINATION'.")]
    [InlineData("codecommit-reference-updated.aws-docs.json", "'detail.commitId' is not a commit id (40 lowercase hex digits): '7f0103fMERGE'.")]
    public void The_aws_docs_CodeCommit_reference_changes_are_rejected_for_their_placeholder_commit_ids(string sample, string problem)
    {
        var result = EventBridgeTriggers.Parse(Published(sample));

        Assert.Equal(TriggerParseStatus.Rejected, result.Status);
        Assert.Null(result.Trigger);
        Assert.Equal($"CodeCommit push to MyDemoRepo branch myBranch: {problem}", result.Reason);
    }

    [Fact]
    public void The_aws_docs_referenceUpdated_with_real_ids_in_place_of_its_placeholders_is_a_trigger()
    {
        const string New = "7f0103f0a1b2c3d4e5f60718293a4b5c6d7e8f90";
        const string Old = "3e59830a1b2c3d4e5f60718293a4b5c6d7e8f901";
        var json = Published("codecommit-reference-updated.aws-docs.json")
            .Replace("\"7f0103fMERGE\"", $"\"{New}\"", StringComparison.Ordinal)
            .Replace("\"3e5983DESTINATION\"", $"\"{Old}\"", StringComparison.Ordinal);

        Assert.Equal(
            new GitPushed("codecommit", "MyDemoRepo", "https://git-codecommit.us-east-2.amazonaws.com/v1/repos/MyDemoRepo", "myBranch", Old, New,
                new DateTimeOffset(2019, 6, 12, 10, 23, 43, TimeSpan.Zero)),
            EventBridgeTriggers.Parse(json).Trigger);
    }

    [Fact]
    public void The_octokit_new_branch_push_is_a_trigger_with_no_old_commit()
    {
        var outcome = Deliver(Published("github-push-new-branch.octokit.json"));

        Assert.Equal(WebhookVerdict.Accepted, outcome.Verdict);
        Assert.Equal(
            new GitPushed("github", "Codertocat/Hello-World", "https://github.com/Codertocat/Hello-World.git", "master", null,
                "6113728f27ae82c7b1a177c8d03f9e96e0adf246", new DateTimeOffset(2019, 5, 15, 15, 19, 25, TimeSpan.Zero)),
            outcome.Trigger);
    }

    [Fact]
    public void The_octokit_tag_deletion_push_is_ignored()
    {
        var outcome = Deliver(Published("github-push-tag-deleted.octokit.json"));

        Assert.Equal(WebhookVerdict.Ignored, outcome.Verdict);
        Assert.Null(outcome.Trigger);
        Assert.Equal("GitHub push of refs/tags/simple-tag in Codertocat/Hello-World is not to a branch.", outcome.Message);
    }

    private static string Published(string name) => SampleEvents.Read(Path.Combine("published", name));

    private static WebhookOutcome Deliver(string payload)
    {
        var secret = Encoding.UTF8.GetBytes("published-samples-test-secret");
        var body = Encoding.UTF8.GetBytes(payload);
        var headers = new Dictionary<string, string>
        {
            ["X-GitHub-Event"] = "push",
            ["X-Hub-Signature-256"] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)),
        };
        return GitHubWebhook.Handle(headers, body, secret);
    }
}
