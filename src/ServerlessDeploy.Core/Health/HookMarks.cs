using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Whether an object is a sync hook, as gitops-engine's health reads it: an <c>argocd.argoproj.io/hook</c> annotation
/// other than Skip alone, else a <c>helm.sh/hook</c> annotation other than crd-install. An annotation that is there
/// counts even when its value is null (then read as "").
/// </summary>
internal static class HookMarks
{
    public static bool IsHook(JsonObject? annotations)
    {
        if (annotations is null)
        {
            return false;
        }

        if (annotations.TryGetPropertyValue("argocd.argoproj.io/hook", out var argo))
        {
            var types = (LiveFields.String(argo) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(t => t is "PreSync" or "Sync" or "PostSync" or "SyncFail" or "Skip" or "PreDelete" or "PostDelete")
                .ToList();
            return !(types is ["Skip"]);
        }

        return annotations.TryGetPropertyValue("helm.sh/hook", out var helm) && LiveFields.String(helm) != "crd-install";
    }
}
