using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>What building a plan found besides tasks: errors that stop the sync, and resources left alone.</summary>
internal sealed class PlanFindings
{
    private readonly List<SyncPlanError> errors = [];
    private readonly List<SkippedResource> skipped = [];

    public IReadOnlyList<SyncPlanError> Errors => [.. errors];

    public IReadOnlyList<SkippedResource> Skipped => [.. skipped];

    public bool HasErrors => errors.Count > 0;

    public void Error(Manifest manifest, string message) => errors.Add(new(ManifestNames.DisplayKey(manifest), message));

    public void Report(Manifest manifest, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Error(manifest, message);
        }
    }

    public void Skip(Manifest manifest, SkipReason reason, string message) => skipped.Add(new(ManifestNames.DisplayKey(manifest), reason, message));
}
