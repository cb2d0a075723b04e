using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Diff;

/// <summary>One resource's comparison: its status, the fields that differ, and a unified diff of only the fields Git specifies.</summary>
public sealed record ResourceDiff(ResourceKey Key, SyncStatus Status, IReadOnlyList<string> ChangedFields)
{
    // The text is written on first read: a sync of a thousand new resources shows none of them.
    private readonly Lazy<string> _text = new(string.Empty);

    public ResourceDiff(ResourceKey key, SyncStatus status, IReadOnlyList<string> changedFields, string text)
        : this(key, status, changedFields) => _text = new Lazy<string>(text);

    public ResourceDiff(ResourceKey key, SyncStatus status, IReadOnlyList<string> changedFields, Func<string> text)
        : this(key, status, changedFields) => _text = new Lazy<string>(text);

    /// <summary>The changed fields that Git owned in the live object and no longer sets: the next apply removes them.</summary>
    public IReadOnlyList<string> RemovedFields { get; init; } = [];

    /// <summary>
    /// True when a sync must apply the resource even if it is Synced: our field manager owns nothing in it yet (it was
    /// applied by another tool, or before ownership was read), or fields of kubectl's client-side apply or Argo CD are
    /// to be taken over. After that one apply, removals from Git are seen.
    /// </summary>
    public bool Reapply { get; init; }

    public string Text
    {
        get => _text.Value;
        init => _text = new Lazy<string>(value);
    }

    public bool Equals(ResourceDiff? other) =>
        other is not null && Key == other.Key && Status == other.Status && ChangedFields.SequenceEqual(other.ChangedFields) && Reapply == other.Reapply && Text == other.Text;

    public override int GetHashCode() => HashCode.Combine(Key, Status, ChangedFields.Count, Text);
}
