using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// The body of a GitHub <c>push</c> webhook: a push to a branch is a trigger; tags and deletions are ignored. A
/// <c>before</c> or <c>after</c> that is not a commit id is rejected; an all-zero <c>before</c> is a created branch (no
/// old commit), and an all-zero <c>after</c> only comes with <c>deleted</c>.
/// </summary>
internal static class GitHubPushPayload
{
    private const string BranchPrefix = "refs/heads/";

    public static TriggerParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedEventException("The push payload is not a JSON object.");
        }

        var reference = JsonFields.String(root, "ref", "");
        var repository = JsonFields.Object(root, "repository", "");
        var name = JsonFields.String(repository, "full_name", "repository.");
        if (!reference.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            return TriggerParseResult.Ignored($"GitHub push of {reference} in {name} is not to a branch.");
        }

        if (JsonFields.OptionalBool(root, "deleted", ""))
        {
            return TriggerParseResult.Ignored($"GitHub branch {reference} deleted in {name}.");
        }

        var before = JsonFields.OptionalString(root, "before", "");
        var push = new GitPushed(
            GitPushed.GitHub,
            name,
            JsonFields.OptionalString(repository, "clone_url", "repository."),
            reference[BranchPrefix.Length..],
            before == CommitIds.Zero ? null : before,
            JsonFields.String(root, "after", ""),
            PushTime(root, repository));
        return push.NewCommit == CommitIds.Zero
            ? TriggerParseResult.Rejected($"GitHub push to {name} branch {push.Branch}: 'after' is the all-zero id (no commit), but 'deleted' is not true.")
            : CommitIds.Checked(push, "before", "after");
    }

    private static DateTimeOffset PushTime(JsonElement root, JsonElement repository)
    {
        if (root.TryGetProperty("head_commit", out var head) && head.ValueKind == JsonValueKind.Object)
        {
            return JsonFields.Time(head, "timestamp", "head_commit.");
        }

        var pushedAt = JsonFields.OptionalLong(repository, "pushed_at", "repository.")
            ?? throw new MalformedEventException("Neither 'head_commit.timestamp' nor 'repository.pushed_at' gives the push time.");
        return DateTimeOffset.FromUnixTimeSeconds(pushedAt);
    }
}
