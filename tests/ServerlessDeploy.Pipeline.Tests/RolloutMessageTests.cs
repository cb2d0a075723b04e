using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The messages of Rollout work: the intake's rollout-action request, read strictly, and the wake-up's rollout variant beside the old shape.</summary>
public class RolloutMessageTests
{
    [Fact]
    public void A_rollout_action_request_reads_back_as_written()
    {
        var request = new RolloutActionRequested("shop", "shop-ns", "web", RolloutVerb.PromoteFull, "alice@example.com");

        var body = ServerlessDeployRequestBody.For(request);
        var parsed = EventBridgeTriggers.Parse(body);

        Assert.Equal("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"promote-full","requester":"alice@example.com"}""", body);
        Assert.Equal(request, parsed.Trigger);
        Assert.Equal(request, TriggerJson.Deserialize(TriggerJson.Serialize(request)));
    }

    [Fact]
    public void A_restart_set_for_later_carries_its_delay_in_seconds_and_reads_back_as_written()
    {
        var request = new RolloutActionRequested("shop", "shop-ns", "web", RolloutVerb.Restart, "alice@example.com") { RestartIn = TimeSpan.FromMinutes(5) };

        var body = ServerlessDeployRequestBody.For(request);
        var parsed = EventBridgeTriggers.Parse(body);

        Assert.Equal("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"restart","requester":"alice@example.com","restartIn":300}""", body);
        Assert.Equal(request, parsed.Trigger);
        Assert.Equal(request, TriggerJson.Deserialize(TriggerJson.Serialize(request)));
    }

    [Theory]
    [InlineData("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"explode","requester":"alice"}""",
        "'action' is 'explode', not promote, promote-full, abort, retry, pause, resume or restart.")]
    [InlineData("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"promote"}""", "'requester' is missing or empty.")]
    [InlineData("""{"serverless-deploy":"rollout-action","app":"shop","rollout":"web","action":"promote","requester":"alice"}""", "'namespace' is missing or empty.")]
    [InlineData("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"Promote","requester":"alice"}""",
        "'action' is 'Promote', not promote, promote-full, abort, retry, pause, resume or restart.")]
    [InlineData("""{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop-ns","rollout":"web","action":"promote","requester":"alice","restartIn":30}""",
        "'restartIn' is only for restart, not promote.")]
    public void A_malformed_rollout_action_is_one_clear_error(string body, string error)
    {
        var parsed = EventBridgeTriggers.Parse(body);

        Assert.Equal((TriggerParseStatus.Malformed, error), (parsed.Status, parsed.Reason));
    }

    [Fact]
    public void A_wake_up_written_before_the_rollout_variant_still_reads_as_a_sync_wake_up()
    {
        var wakeUp = WakeUpJson.TryDeserialize("""{"wakeUp":{"app":"shop","cursorId":"c-1","stepIndex":2,"cursorVersion":5}}""");

        Assert.Equal(new WakeUp("shop", "c-1", 2, 5), wakeUp);
        Assert.Null(wakeUp?.Rollout);
        Assert.Equal("""{"wakeUp":{"app":"shop","cursorId":"c-1","stepIndex":2,"cursorVersion":5,"key":"shop/c-1/2/5"}}""", WakeUpJson.Serialize(new WakeUp("shop", "c-1", 2, 5)));
    }

    [Fact]
    public void A_rollout_wake_up_reads_back_with_its_rollout_and_has_a_key_of_its_own()
    {
        var wakeUp = WakeUp.Of("shop", new RolloutWakeUp("shop-ns", "web", 7));

        var body = WakeUpJson.Serialize(wakeUp);
        var read = WakeUpJson.TryDeserialize(body);

        Assert.Equal(wakeUp, read);
        Assert.Equal(new RolloutWakeUp("shop-ns", "web", 7), read?.Rollout);
        Assert.Equal("shop/rollout/shop-ns/web/7", wakeUp.Key);
        Assert.Throws<System.Text.Json.JsonException>(() => WakeUpJson.TryDeserialize("""{"wakeUp":{"app":"shop","rollout":{"namespace":"shop-ns","version":7}}}"""));
    }
}
