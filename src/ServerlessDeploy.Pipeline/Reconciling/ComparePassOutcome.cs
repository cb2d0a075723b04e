namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>What one compare pass did: each app's verdict, how many renders the cache answered, and how many apps it handed on.</summary>
/// <param name="Unreadable">Why the cluster could not be read (every app is then <see cref="AppVerdictKind.Unreadable"/>); null when it was.</param>
public sealed record ComparePassOutcome(string Cluster, int Shard, IReadOnlyList<AppVerdict> Apps, string? Unreadable, int RenderHits, int RenderMisses)
{
    /// <summary>The apps left at the deadline to the pass's continuation (some of them may have been sent already, being cheap to judge).</summary>
    public int HandedOn { get; init; }

    public int Count(AppVerdictKind kind) => Apps.Count(a => a.Kind == kind);

    public string Summary =>
        $"compare pass {Cluster} shard {Shard}: {Apps.Count} apps, {Count(AppVerdictKind.Recorded)} recorded, {Count(AppVerdictKind.Sent)} sent to deploy"
        + (Count(AppVerdictKind.Skipped) is > 0 and var skipped ? $", {skipped} left as they are" : "")
        + (Count(AppVerdictKind.Unreadable) is > 0 and var unreadable ? $", {unreadable} unreadable" : "")
        + (HandedOn > 0 ? $", {HandedOn} handed on to a continuation at the deadline" : "")
        + $"; renders: {RenderHits} cached, {RenderMisses} rendered"
        + (Unreadable is { } why ? $"; the cluster could not be read: {why}" : "");
}
