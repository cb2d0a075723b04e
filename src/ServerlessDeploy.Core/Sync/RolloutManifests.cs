using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Sync;

/// <summary>
/// Checks each argoproj.io Rollout of the render before anything is applied: its spec must be one we can drive (see
/// <see cref="RolloutSpecReader"/>), and the canaryService and stableService it names must be Services of the same
/// application and namespace, since their selectors will be switched. A problem stops the sync like any plan error.
/// </summary>
internal static class RolloutManifests
{
    public static void Check(IReadOnlyList<Manifest> desired, PlanFindings findings)
    {
        foreach (var rollout in desired.Where(IsRollout))
        {
            var read = RolloutSpecReader.Read(rollout.Json);
            if (!read.IsValid)
            {
                findings.Error(rollout, read.Error.ToString());
                continue;
            }

            foreach (var (field, service) in new[] { ("canaryService", read.Spec.Canary.CanaryService), ("stableService", read.Spec.Canary.StableService) })
            {
                if (service is not null && !desired.Any(m => m.Group.Length == 0 && m.Kind == "Service" && m.Name == service && m.Namespace == rollout.Namespace))
                {
                    findings.Error(rollout, $"spec.strategy.canary.{field}: Service \"{service}\" is not part of the application in namespace \"{rollout.Namespace}\"");
                }
            }
        }
    }

    private static bool IsRollout(Manifest manifest) => manifest.Group == "argoproj.io" && manifest.Kind == "Rollout";
}
