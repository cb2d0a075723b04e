using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

public sealed class SampleEventTests
{
    [Fact]
    public void Ecr_image_push_sample_is_an_image_pushed_trigger()
    {
        var trigger = Parse("ecr-image-push.json");

        Assert.Equal(
            new ImagePushed("123456789012", "us-west-2", "guestbook", "v1.4.2",
                "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd1234",
                new DateTimeOffset(2026, 11, 16, 1, 54, 34, TimeSpan.Zero)),
            trigger);
        Assert.Equal("123456789012.dkr.ecr.us-west-2.amazonaws.com/guestbook", ((ImagePushed)trigger).Image);
    }

    [Fact]
    public void CodeCommit_sample_is_a_git_pushed_trigger() =>
        Assert.Equal(
            new GitPushed("codecommit", "gitops-config",
                "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/gitops-config", "main",
                "3e5983a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6", "26a8f2b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6",
                new DateTimeOffset(2026, 11, 16, 10, 23, 43, TimeSpan.Zero)),
            Parse("codecommit-reference-updated.json"));

    [Fact]
    public void Reconcile_sample_is_a_tick() =>
        Assert.Equal(new ReconcileTick(new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero)), Parse("reconcile-tick.json"));

    [Fact]
    public void Manual_sync_sample_is_a_sync_request() =>
        Assert.Equal(
            new SyncRequested("guestbook", "26a8f2b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6", "alice"),
            Parse("manual-sync.json"));

    [Fact]
    public void Manual_rollback_sample_is_a_rollback_request() =>
        Assert.Equal(new RollbackRequested("guestbook", 3, Force: true), Parse("manual-rollback.json"));

    [Fact]
    public void Rollout_action_sample_is_a_rollout_action_request() =>
        Assert.Equal(new RolloutActionRequested("guestbook", "guestbook", "guestbook", Core.Rollouts.RolloutVerb.Promote, "alice"), Parse("manual-rollout-action.json"));

    [Fact]
    public void GitHub_sample_is_signed_by_its_secret_and_is_a_git_pushed_trigger()
    {
        var (headers, body, secret) = SampleEvents.GitHubPush();

        var outcome = GitHubWebhook.Handle(headers, body, secret);

        Assert.Equal(WebhookVerdict.Accepted, outcome.Verdict);
        Assert.Equal(
            new GitPushed("github", "octo-org/gitops-config", "https://github.com/octo-org/gitops-config.git", "main",
                "6113728f27ae82c7b1a177c8d03f9e96e0adf246", "59b20b8d5c6ff8d09518454d4dd8b7a2f2b06a84",
                new DateTimeOffset(2026, 11, 16, 13, 3, 5, TimeSpan.Zero)),
            outcome.Trigger);
    }

    private static Trigger Parse(string name)
    {
        var result = EventBridgeTriggers.Parse(SampleEvents.Read(name));
        Assert.True(result.Status == TriggerParseStatus.Parsed, result.Reason);
        return result.Trigger!;
    }
}
