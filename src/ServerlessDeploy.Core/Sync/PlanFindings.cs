using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Sync;

/// <summary>What building a plan found besides tasks: errors that stop the sync, and resources left alone.</summary>
internal sealed class PlanFindings
{
    private readonly List<SyncPlanError> _errors = [];
    private readonly List<SkippedResource> _skipped = [];

    public IReadOnlyList<SyncPlanError> Errors => [.. _errors];

    public IReadOnlyList<SkippedResource> Skipped => [.. _skipped];

    public bool HasErrors => _errors.Count > 0;

    public void Error(Manifest manifest, string message) => _errors.Add(new(ManifestNames.DisplayKey(manifest), message));

    public void Report(Manifest manifest, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Error(manifest, message);
        }
    }

    public void Skip(Manifest manifest, SkipReason reason, string message) => _skipped.Add(new(ManifestNames.DisplayKey(manifest), reason, message));
}
