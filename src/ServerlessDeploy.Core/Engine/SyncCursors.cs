using System.Globalization;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// The cursor a sync runs: a new one cut from the plan, or the request's waiting one when the manifests are those it
/// started with (null otherwise: a waiting sync never runs steps planned from other manifests).
/// </summary>
internal static class SyncCursors
{
    public static SyncCursor? For(
        Application app, SyncPlan plan, ApplicationComparison comparison, SyncRequest request, string revision, IReadOnlyList<string> imageOverrides, TimeProvider time)
    {
        var digest = RenderedSummary.Digest(comparison.Desired);
        if (request.Cursor is { } resumed)
        {
            return resumed.PlanDigest == digest && resumed.Revision == revision ? resumed : null;
        }

        return New(app, plan, digest, request, revision, imageOverrides, time);
    }

    /// <summary>A cursor cut from the plan, for a request that resumes none.</summary>
    public static SyncCursor New(Application app, SyncPlan plan, ApplicationComparison comparison, SyncRequest request, string revision, IReadOnlyList<string> imageOverrides, TimeProvider time) =>
        New(app, plan, RenderedSummary.Digest(comparison.Desired), request, revision, imageOverrides, time);

    private static SyncCursor New(Application app, SyncPlan plan, string digest, SyncRequest request, string revision, IReadOnlyList<string> imageOverrides, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var id = $"{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        return new SyncCursor(id, app.Name, request.DeploymentId, revision, imageOverrides, now, request.FirstVersion, CursorStatus.Running, 0, CursorSteps.Of(plan), digest)
        {
            UpdatedAt = now,
        };
    }
}
