namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// The commit ids a push event names. Git, CodeCommit and GitHub write them as 40 lowercase hex digits; anything else
/// (a placeholder such as <c>3e5983DESTINATION</c>, a short or abbreviated id) names no commit, so no app can be deployed
/// from it. GitHub's all-zero id is a commit id too: "no commit", the <c>before</c> of a created branch.
/// </summary>
internal static class CommitIds
{
    public const string Zero = "0000000000000000000000000000000000000000";

    private const int ShownLength = 64;

    public static bool IsCommitId(string? text) => text is { Length: 40 } && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Why <paramref name="value"/>, read from <paramref name="field"/>, is not a commit id; null when it is one.</summary>
    public static string? Problem(string field, string? value) =>
        value is null || IsCommitId(value)
            ? null
            : $"'{field}' is not a commit id (40 lowercase hex digits): '{Shown(value)}'.";

    /// <summary>Why the push's commit ids are not commit ids (the first one that is not), or null when both are.</summary>
    public static string? Problem(GitPushed push, string oldField, string newField)
    {
        ArgumentNullException.ThrowIfNull(push);
        return Problem(newField, push.NewCommit) ?? Problem(oldField, push.OldCommit);
    }

    /// <summary>The push as a trigger, or rejected naming the push and the field whose id names no commit.</summary>
    internal static TriggerParseResult Checked(GitPushed push, string oldField, string newField) =>
        Problem(push, oldField, newField) is { } problem
            ? TriggerParseResult.Rejected($"{(push.Source == GitPushed.CodeCommit ? "CodeCommit" : "GitHub")} push to {push.RepositoryName} branch {push.Branch}: {problem}")
            : TriggerParseResult.Parsed(push);

    private static string Shown(string value) => value.Length <= ShownLength ? value : string.Concat(value.AsSpan(0, ShownLength), "…");
}
