using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>
/// Reads <c>argocd.argoproj.io/hook</c> (comma-separated). When it is absent, Helm's <c>helm.sh/hook</c> is read
/// instead, as Argo CD does. <c>Skip</c> counts only when no phase is named with it. Unknown types are reported.
/// </summary>
internal static class HookAnnotation
{
    public const string Name = "argocd.argoproj.io/hook";

    private const string Expected = "PreSync, Sync, PostSync, SyncFail, Skip, PreDelete or PostDelete";

    /// <summary>
    /// Whether an object is a hook (of a sync or another moment): hooks are run, not compared, and have no part in
    /// the application's sync status or health, as in Argo CD. Skip is not a hook.
    /// </summary>
    public static bool IsHook(Manifest manifest) => Read(manifest.Annotations, []).Role is HookRole.Hook or HookRole.OutsideSync;

    public static HookSpec Read(IReadOnlyDictionary<string, string> annotations, ICollection<string> problems)
    {
        if (annotations.TryGetValue(Name, out var text))
        {
            return Parse(text, problems);
        }

        return annotations.TryGetValue(HelmHooks.HookAnnotation, out var helm) ? HelmHooks.Parse(helm, problems) : HookSpec.Resource;
    }

    private static HookSpec Parse(string text, ICollection<string> problems)
    {
        var types = AnnotationList.Split(text);
        if (types.Count == 0)
        {
            problems.Add($"{Name} is empty (expected {Expected})");
        }

        var phases = new List<SyncPhase>();
        var skip = false;
        var outsideSync = false;
        foreach (var type in types)
        {
            switch (type)
            {
                case "PreSync": phases.Add(SyncPhase.PreSync); break;
                case "Sync": phases.Add(SyncPhase.Sync); break;
                case "PostSync": phases.Add(SyncPhase.PostSync); break;
                case "SyncFail": phases.Add(SyncPhase.SyncFail); break;
                case "Skip": skip = true; break;
                case "PreDelete" or "PostDelete": outsideSync = true; break;
                default: problems.Add($"unknown hook type \"{type}\" in {Name} (expected {Expected})"); break;
            }
        }

        return HookSpec.From(phases, skip, outsideSync, text);
    }
}
