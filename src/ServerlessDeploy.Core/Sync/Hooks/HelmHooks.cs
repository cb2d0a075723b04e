using System.Collections.Frozen;

namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>
/// Helm's hook annotations mapped as Argo CD maps them: pre-install and pre-upgrade run in PreSync, post-install and
/// post-upgrade in PostSync; Helm's other hooks do not run in a sync; <c>crd-install</c> is a regular resource.
/// </summary>
internal static class HelmHooks
{
    public const string HookAnnotation = "helm.sh/hook";
    public const string WeightAnnotation = "helm.sh/hook-weight";
    public const string DeletePolicyAnnotation = "helm.sh/hook-delete-policy";

    private const string CrdInstall = "crd-install";

    private static readonly FrozenDictionary<string, SyncPhase?> Types = new Dictionary<string, SyncPhase?>
    {
        ["pre-install"] = SyncPhase.PreSync,
        ["pre-upgrade"] = SyncPhase.PreSync,
        ["post-install"] = SyncPhase.PostSync,
        ["post-upgrade"] = SyncPhase.PostSync,
        ["pre-delete"] = null,
        ["post-delete"] = null,
        ["pre-rollback"] = null,
        ["post-rollback"] = null,
        ["test"] = null,
        ["test-success"] = null,
        ["test-failure"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static HookSpec Parse(string text, ICollection<string> problems)
    {
        var types = AnnotationList.Split(text).Where(type => type != CrdInstall).ToList();
        if (types.Count == 0)
        {
            return HookSpec.Resource;
        }

        var phases = new List<SyncPhase>();
        foreach (var type in types)
        {
            if (!Types.TryGetValue(type, out var phase))
            {
                problems.Add($"unknown Helm hook \"{type}\" in {HookAnnotation} (expected {string.Join(", ", Types.Keys.Order(StringComparer.Ordinal))} or {CrdInstall})");
            }
            else if (phase is { } mapped)
            {
                phases.Add(mapped);
            }
        }

        return HookSpec.From(phases, skip: false, outsideSync: true, text);
    }
}
