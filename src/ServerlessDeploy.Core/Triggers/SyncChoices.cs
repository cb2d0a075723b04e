namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// The choices of Argo CD's sync dialog that a manual sync carries: prune, dry run, apply only (no hooks), force,
/// selected resources (<c>group/kind/namespace/name</c>, the core group empty) and sync options in Argo CD's names
/// (<c>Replace=true</c>), which override the Application's own for this sync.
/// </summary>
public sealed record SyncChoices(
    bool Prune = false,
    bool DryRun = false,
    bool ApplyOnly = false,
    bool Force = false,
    IReadOnlyList<string>? Resources = null,
    IReadOnlyList<string>? SyncOptions = null)
{
    /// <summary>A plain sync: what the Application's own policy says.</summary>
    public static SyncChoices None { get; } = new();

    public IReadOnlyList<string> SelectedResources => Resources ?? [];

    public IReadOnlyList<string> Options => SyncOptions ?? [];

    public bool IsNone => !Prune && !DryRun && !ApplyOnly && !Force && SelectedResources.Count == 0 && Options.Count == 0;
}
