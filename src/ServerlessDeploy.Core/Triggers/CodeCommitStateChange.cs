using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// The EventBridge "CodeCommit Repository State Change" event: a branch created or updated is a trigger;
/// deleted references and tags are ignored; a commitId or oldCommitId that is not a commit id is rejected.
/// </summary>
internal static class CodeCommitStateChange
{
    public static TriggerParseResult Read(JsonElement root)
    {
        var detail = JsonFields.Object(root, "detail", "");
        var change = JsonFields.String(detail, "event", "detail.");
        var repository = JsonFields.String(detail, "repositoryName", "detail.");
        if (change == "referenceDeleted")
        {
            return TriggerParseResult.Ignored($"CodeCommit reference deleted in {repository}.");
        }

        if (change is not ("referenceCreated" or "referenceUpdated"))
        {
            return TriggerParseResult.Ignored($"CodeCommit event {change} in {repository} is not a reference change.");
        }

        var referenceType = JsonFields.String(detail, "referenceType", "detail.");
        if (referenceType != "branch")
        {
            return TriggerParseResult.Ignored($"CodeCommit {referenceType} change in {repository} is not a branch.");
        }

        var region = JsonFields.String(root, "region", "");
        var push = new GitPushed(
            GitPushed.CodeCommit,
            repository,
            $"https://git-codecommit.{region}.amazonaws.com/v1/repos/{repository}",
            JsonFields.String(detail, "referenceName", "detail."),
            change == "referenceCreated" ? null : JsonFields.OptionalString(detail, "oldCommitId", "detail."),
            JsonFields.String(detail, "commitId", "detail."),
            JsonFields.Time(root, "time", ""));
        return CommitIds.Checked(push, "detail.oldCommitId", "detail.commitId");
    }
}
