using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Diff;

/// <summary>One resource's comparison: its status, the fields that differ, and a unified diff of only the fields Git specifies.</summary>
public sealed record ResourceDiff(ResourceKey Key, SyncStatus Status, IReadOnlyList<string> ChangedFields, string Text);
