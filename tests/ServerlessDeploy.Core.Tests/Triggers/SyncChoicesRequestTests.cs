using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

/// <summary>The sync dialog's choices, the refresh and the rollback's requester in the intake request, and requests written before them.</summary>
public sealed class SyncChoicesRequestTests
{
    [Fact]
    public void A_sync_with_every_choice_reads_back_as_written()
    {
        var written = new SyncRequested("shop", "v2", "alice")
        {
            Choices = new SyncChoices(true, true, true, true, ["apps/Deployment/shop/web", "/ConfigMap/shop/settings"], ["Replace=true"]),
        };

        var read = Assert.IsType<SyncRequested>(EventBridgeTriggers.Parse(ServerlessDeployRequestBody.For(written)).Trigger);

        Assert.Equal((written.App, written.Revision, written.Requester), (read.App, read.Revision, read.Requester));
        Assert.Equal((true, true, true, true), (read.Choices.Prune, read.Choices.DryRun, read.Choices.ApplyOnly, read.Choices.Force));
        Assert.Equal(written.Choices.SelectedResources, read.Choices.SelectedResources);
        Assert.Equal(written.Choices.Options, read.Choices.Options);
    }

    [Fact]
    public void A_sync_request_written_before_the_choices_reads_as_a_plain_sync() =>
        Assert.True(Assert.IsType<SyncRequested>(EventBridgeTriggers.Parse("""{"serverless-deploy":"sync","app":"shop","requester":"bob"}""").Trigger).Choices.IsNone);

    [Fact]
    public void A_plain_sync_writes_no_choice_fields() =>
        Assert.Equal("""{"serverless-deploy":"sync","app":"shop","requester":"bob"}""", ServerlessDeployRequestBody.For(new SyncRequested("shop", null, "bob")));

    [Theory]
    [InlineData("""{"serverless-deploy":"sync","app":"a","requester":"b","resources":"apps/Deployment/a/web"}""", "'resources' is not a list")]
    [InlineData("""{"serverless-deploy":"sync","app":"a","requester":"b","syncOptions":[""]}""", "'syncOptions' is not a list of non-empty strings")]
    [InlineData("""{"serverless-deploy":"sync","app":"a","requester":"b","dryRun":"yes"}""", "'dryRun' is not true or false")]
    [InlineData("""{"serverless-deploy":"refresh","app":"a"}""", "'requester' is missing")]
    public void A_malformed_choice_is_one_error_naming_it(string json, string error)
    {
        var result = EventBridgeTriggers.Parse(json);

        Assert.Equal(TriggerParseStatus.Malformed, result.Status);
        Assert.Contains(error, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refresh_and_a_rollback_carry_who_asked()
    {
        var refresh = new RefreshRequested("shop", true, "alice");
        var rollback = new RollbackRequested("shop", 3, false) { Requester = "alice" };

        Assert.Equal(refresh, EventBridgeTriggers.Parse(ServerlessDeployRequestBody.For(refresh)).Trigger);
        Assert.Equal(rollback, EventBridgeTriggers.Parse(ServerlessDeployRequestBody.For(rollback)).Trigger);
        Assert.Equal("rollback", Assert.IsType<RollbackRequested>(EventBridgeTriggers.Parse("""{"serverless-deploy":"rollback","app":"shop"}""").Trigger).Requester);
    }
}
