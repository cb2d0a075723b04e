using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Core.Tests.Triggers;

public sealed class EventBridgeTriggersTests
{
    [Theory]
    [InlineData("ecr-image-push.json", "detail.action-type", "DELETE", "not a push")]
    [InlineData("ecr-image-push.json", "detail.result", "FAILURE", "ended in FAILURE")]
    [InlineData("ecr-image-push.json", "detail.image-tag", null, "no image tag")]
    [InlineData("codecommit-reference-updated.json", "detail.event", "referenceDeleted", "reference deleted")]
    [InlineData("codecommit-reference-updated.json", "detail.referenceType", "tag", "not a branch")]
    public void Events_that_ask_for_nothing_are_ignored_with_a_reason(string sample, string field, string? value, string reason)
    {
        var result = EventBridgeTriggers.Parse(Edit(sample, field, value));

        Assert.Equal(TriggerParseStatus.Ignored, result.Status);
        Assert.Null(result.Trigger);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_created_branch_has_no_old_commit()
    {
        var result = EventBridgeTriggers.Parse(Edit("codecommit-reference-updated.json", "detail.event", "referenceCreated"));

        Assert.Null(Assert.IsType<GitPushed>(result.Trigger).OldCommit);
    }

    [Theory]
    [InlineData("ecr-image-push.json", "detail.image-digest", "'detail.image-digest' is missing")]
    [InlineData("ecr-image-push.json", "detail.repository-name", "'detail.repository-name' is missing")]
    [InlineData("ecr-image-push.json", "detail", "'detail' is missing or not an object")]
    [InlineData("ecr-image-push.json", "account", "'account' is missing")]
    [InlineData("codecommit-reference-updated.json", "detail.commitId", "'detail.commitId' is missing")]
    [InlineData("codecommit-reference-updated.json", "time", "'time' is missing")]
    [InlineData("manual-sync.json", "app", "'app' is missing")]
    [InlineData("manual-sync.json", "requester", "'requester' is missing")]
    [InlineData("reconcile-tick.json", "time", "'time' is missing")]
    public void A_missing_field_is_one_error_naming_it(string sample, string field, string error)
    {
        var result = EventBridgeTriggers.Parse(Edit(sample, field, null));

        Assert.Equal(TriggerParseStatus.Malformed, result.Status);
        Assert.Contains(error, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"source\":\"aws.s3\"}", "neither 'detail-type'")]
    [InlineData("{\"detail-type\":\"Object Created\",\"detail\":{}}", "Unknown detail-type 'Object Created'")]
    [InlineData("{\"serverless-deploy\":\"explode\"}", "Unknown 'serverless-deploy' request 'explode'")]
    [InlineData("{\"serverless-deploy\":\"rollback\",\"app\":\"a\",\"historyId\":\"x\"}", "'historyId' is not a whole number")]
    [InlineData("{\"serverless-deploy\":\"reconcile\",\"time\":\"soon\"}", "'time' is not a timestamp")]
    public void Malformed_input_is_one_clear_error(string json, string error)
    {
        var result = EventBridgeTriggers.Parse(json);

        Assert.Equal(TriggerParseStatus.Malformed, result.Status);
        Assert.Contains(error, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollback_without_history_id_or_force_goes_to_the_previous_entry_without_force() =>
        Assert.Equal(
            new RollbackRequested("guestbook", null, Force: false),
            EventBridgeTriggers.Parse("{\"serverless-deploy\":\"rollback\",\"app\":\"guestbook\"}").Trigger);

    /// <summary>The sample with one dotted field set to a string, or removed when <paramref name="value"/> is null.</summary>
    private static string Edit(string sample, string field, string? value)
    {
        var root = JsonNode.Parse(SampleEvents.Read(sample))!.AsObject();
        var parts = field.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => node[part]!.AsObject());
        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return root.ToJsonString();
    }
}
