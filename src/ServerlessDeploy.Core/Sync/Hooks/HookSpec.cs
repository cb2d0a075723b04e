namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>A resource's hook role and, for a hook, the phases it runs in (at least one).</summary>
/// <param name="Text">The annotation as written, for messages.</param>
internal sealed record HookSpec(HookRole Role, IReadOnlyList<SyncPhase> Phases, string Text)
{
    public static HookSpec Resource { get; } = new(HookRole.Resource, [], "");

    public static HookSpec From(IReadOnlyCollection<SyncPhase> phases, bool skip, bool outsideSync, string text) =>
        phases.Count > 0 ? new(HookRole.Hook, [.. phases.Distinct().Order()], text)
        : skip ? new(HookRole.Skip, [], text)
        : outsideSync ? new(HookRole.OutsideSync, [], text)
        : Resource;
}
