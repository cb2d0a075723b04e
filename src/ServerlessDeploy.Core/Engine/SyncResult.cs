using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Health;

namespace ServerlessDeploy.Core.Engine;

/// <summary>How a sync ended: every resource's result, the app's health, and the message a person reads first.</summary>
public sealed record SyncResult(
    string Application,
    bool Succeeded,
    string Message,
    IReadOnlyList<ResourceResult> Resources,
    HealthStatus? Health,
    IReadOnlyList<ResourceDiff> Diffs)
{
    /// <summary>Set when the sync ran out of time waiting for health (see <see cref="SyncRequest.StopBy"/>): not failed, to be continued.</summary>
    public SyncResume? Suspended { get; init; }

    /// <summary>The images the rendered manifests run (empty when the render failed).</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The digest of the rendered manifests (<see cref="RenderedSummary.Digest"/>); empty when the render failed.</summary>
    public string ManifestDigest { get; init; } = "";

    public static SyncResult Failed(string application, string message, IReadOnlyList<ResourceResult>? resources = null, IReadOnlyList<ResourceDiff>? diffs = null) =>
        new(application, false, message, resources ?? [], null, diffs ?? []);
}
