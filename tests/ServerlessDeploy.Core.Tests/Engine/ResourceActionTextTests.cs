using ServerlessDeploy.Core.Engine;

namespace ServerlessDeploy.Core.Tests.Engine;

public class ResourceActionTextTests
{
    [Theory]
    [InlineData(ResourceAction.Created, "created")]
    [InlineData(ResourceAction.Configured, "configured")]
    [InlineData(ResourceAction.Recreated, "recreated")]
    [InlineData(ResourceAction.Unchanged, "unchanged")]
    [InlineData(ResourceAction.HookCreated, "hook created")]
    [InlineData(ResourceAction.HookDeleted, "hook deleted")]
    [InlineData(ResourceAction.Pruned, "pruned")]
    [InlineData(ResourceAction.PruneSkipped, "prune skipped")]
    [InlineData(ResourceAction.RequiresPruning, "requires pruning")]
    [InlineData(ResourceAction.Skipped, "skipped")]
    [InlineData(ResourceAction.Failed, "failed")]
    [InlineData(ResourceAction.CreatedDryRun, "created (dry run)")]
    [InlineData(ResourceAction.ConfiguredDryRun, "configured (dry run)")]
    [InlineData(ResourceAction.RecreatedDryRun, "recreated (dry run)")]
    [InlineData(ResourceAction.HookCreatedDryRun, "hook created (dry run)")]
    [InlineData(ResourceAction.PrunedDryRun, "pruned (dry run)")]
    [InlineData(ResourceAction.SkippedDryRun, "skipped (dry run)")]
    public void Each_action_has_the_text_earlier_versions_stored_and_reads_back_from_it(ResourceAction action, string text)
    {
        Assert.Equal(text, action.Text());
        Assert.Equal(action, ResourceActionText.Parse(text));
    }

    [Theory]
    [InlineData("serverside-applied")]
    [InlineData("Created")]
    [InlineData("")]
    [InlineData(null)]
    public void A_text_no_version_wrote_reads_as_unknown(string? text) =>
        Assert.Equal(ResourceAction.Unknown, ResourceActionText.Parse(text));

    [Fact]
    public void Every_action_but_unknown_has_its_own_text() =>
        Assert.Equal(
            Enum.GetValues<ResourceAction>().Length - 1,
            Enum.GetValues<ResourceAction>().Where(a => a != ResourceAction.Unknown).Select(a => a.Text()).Where(t => t != "unknown").Distinct().Count());
}
