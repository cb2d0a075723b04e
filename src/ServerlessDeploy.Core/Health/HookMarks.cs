namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Whether an object is a sync hook, as gitops-engine's health reads it: an <c>argocd.argoproj.io/hook</c> annotation
/// other than Skip alone, else a <c>helm.sh/hook</c> annotation other than crd-install.
/// </summary>
internal static class HookMarks
{
    public static bool IsHook(IDictionary<string, string>? annotations)
    {
        if (annotations is null)
        {
            return false;
        }

        if (annotations.TryGetValue("argocd.argoproj.io/hook", out var argo))
        {
            var types = argo.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(t => t is "PreSync" or "Sync" or "PostSync" or "SyncFail" or "Skip" or "PreDelete" or "PostDelete")
                .ToList();
            return !(types is ["Skip"]);
        }

        return annotations.TryGetValue("helm.sh/hook", out var helm) && helm != "crd-install";
    }
}
