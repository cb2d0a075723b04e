using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

public sealed class TriggerJsonTests
{
    public static TheoryData<Trigger> Triggers() => new()
    {
        new ImagePushed("123456789012", "eu-west-1", "team/api", "1.2.3", "sha256:abc", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        new GitPushed("github", "o/r", "https://github.com/o/r.git", "main", null, "abc", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1))),
        new GitPushed("codecommit", "repo", null, "dev", "old", "new", DateTimeOffset.UnixEpoch),
        new ReconcileTick(new DateTimeOffset(2026, 1, 2, 3, 6, 0, TimeSpan.Zero)),
        new SyncRequested("guestbook", null, "alice"),
        new RollbackRequested("guestbook", 7, Force: true),
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void A_trigger_survives_the_queue(Trigger trigger) =>
        Assert.Equal(trigger, TriggerJson.Deserialize(TriggerJson.Serialize(trigger)));

    [Fact]
    public void The_queue_form_carries_a_type_discriminator_and_no_computed_image()
    {
        var json = TriggerJson.Serialize(new ImagePushed("1", "r", "repo", "t", "d", DateTimeOffset.UnixEpoch));

        Assert.StartsWith("{\"type\":\"image-pushed\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"image\"", json, StringComparison.Ordinal);
    }
}
