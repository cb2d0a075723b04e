using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;
using ServerlessDeploy.Core.Sync.Options;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// The tasks for the manifests from Git: a regular resource is applied in the Sync phase; a hook is created afresh
/// in each of its phases; Skip and hooks that do not run in a sync are left out and reported.
/// </summary>
internal static class DesiredTasks
{
    public static IReadOnlyList<SyncTask> Create(
        IReadOnlyList<Manifest> desired, IReadOnlyDictionary<ResourceKey, Manifest> live, SyncPlanOptions options, PlanFindings findings)
    {
        ReportDuplicates(desired, findings);
        return [.. desired.SelectMany(manifest => ForManifest(manifest, live, options, findings))];
    }

    private static IEnumerable<SyncTask> ForManifest(
        Manifest manifest, IReadOnlyDictionary<ResourceKey, Manifest> live, SyncPlanOptions options, PlanFindings findings)
    {
        var annotations = ResourceAnnotations.Read(manifest);
        findings.Report(manifest, annotations.Problems);
        var hook = annotations.Hook;
        switch (hook.Role)
        {
            case HookRole.Skip:
                findings.Skip(manifest, SkipReason.SkipHook, $"skipped ({HookAnnotation.Name}: {hook.Text})");
                return [];
            case HookRole.OutsideSync:
                findings.Skip(manifest, SkipReason.HookOutsideSync, $"hook \"{hook.Text}\" does not run in a sync");
                return [];
        }

        var isHook = hook.Role == HookRole.Hook;
        CheckName(manifest, isHook, findings);
        var liveObj = manifest.Name.Length > 0 ? live.GetValueOrDefault(manifest.Key)?.Json : null;
        var taskOptions = WithApplication(annotations.Options, options);
        if (taskOptions.Force && !taskOptions.Replace)
        {
            findings.Error(manifest, ForceNeedsReplace);
        }

        var phases = isHook ? hook.Phases : [SyncPhase.Sync];
        return phases.Select(phase => new SyncTask(manifest, liveObj, phase, annotations.Wave, isHook, annotations.DeletePolicies, taskOptions));
    }

    /// <summary>Argo CD refuses Force with server-side apply (kubectl: "--force cannot be used with --server-side").</summary>
    private const string ForceNeedsReplace =
        "sync option Force=true needs Replace=true: resources are applied server-side, and Argo CD refuses Force with server-side apply";

    private static ResourceSyncOptions WithApplication(ResourceSyncOptions resource, SyncPlanOptions application) => resource with
    {
        Replace = resource.Replace || application.Replace,
        Force = resource.Force || application.Force,
        Validate = resource.Validate && application.Validate,
        SkipDryRunOnMissingResource = resource.SkipDryRunOnMissingResource || application.SkipDryRunOnMissingResource,
    };

    private static void CheckName(Manifest manifest, bool isHook, PlanFindings findings)
    {
        if (manifest.Name.Length > 0)
        {
            return;
        }

        if (HookNames.GenerateNameOf(manifest.Json) is not { Length: > 0 })
        {
            findings.Error(manifest, "has neither metadata.name nor metadata.generateName");
        }
        else if (!isHook)
        {
            findings.Error(manifest, $"metadata.generateName is only allowed on hooks ({HookAnnotation.Name}); give it a metadata.name");
        }
    }

    private static void ReportDuplicates(IReadOnlyList<Manifest> desired, PlanFindings findings)
    {
        foreach (var same in desired.Where(m => m.Name.Length > 0).GroupBy(m => m.Key).Where(g => g.Count() > 1))
        {
            findings.Error(same.First(), $"appears {same.Count()} times in the desired manifests");
        }
    }
}
