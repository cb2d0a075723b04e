using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Sync.Hooks;
using ServerlessDeploy.Core.Sync.Options;
using ServerlessDeploy.Core.Sync.Waves;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// Everything the sync annotations of one resource say, read in one pass, with the problems found (unknown values,
/// a wave that is not an integer). The caller decides whether the problems matter: they do not for a live hook.
/// </summary>
internal sealed record ResourceAnnotations(
    HookSpec Hook, int Wave, HookDeletePolicies DeletePolicies, ResourceSyncOptions Options, IReadOnlyList<string> Problems)
{
    public static ResourceAnnotations Read(Manifest manifest)
    {
        var annotations = manifest.Annotations;
        var problems = new List<string>();
        var hook = HookAnnotation.Read(annotations, problems);
        var wave = SyncWave.Read(annotations, problems);
        var policies = HookDeletePolicyAnnotation.Read(annotations, problems);
        var options = SyncOptionsAnnotation.Read(annotations.GetValueOrDefault(SyncOptionsAnnotation.Name), ResourceSyncOptions.Default, problems);
        options = CompareOptionsAnnotation.Read(annotations.GetValueOrDefault(CompareOptionsAnnotation.Name), options, problems);
        return new(hook, wave, hook.Role == HookRole.Hook ? policies : HookDeletePolicies.None, options, problems);
    }
}
