using System.Diagnostics.CodeAnalysis;
using ServerlessDeploy.Core.Diff;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Sync.Cursor;

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
    /// <summary>The sync's cursor as it stopped; null when the sync never reached its steps (a render or plan failure).</summary>
    public SyncCursor? Cursor { get; init; }

    /// <summary>The cursor waits (a health gate past <see cref="SyncRequest.StopBy"/>, a wait-until): not failed, to be woken.</summary>
    [MemberNotNullWhen(true, nameof(Cursor))]
    public bool IsWaiting => Cursor is { Status: CursorStatus.Waiting };

    /// <summary>A newer deployment took the app over while this sync ran: it stopped, neither failed nor finished.</summary>
    [MemberNotNullWhen(true, nameof(Cursor))]
    public bool IsSuperseded => Cursor is { Status: CursorStatus.Superseded };

    /// <summary>Why the cluster could not be read before anything was changed (see <see cref="ApplicationComparison.Unreadable"/>); null when it was.</summary>
    public string? Unreadable { get; init; }

    /// <summary>Each Rollout the sync drove, as it stood at the end: its phase and step, and the transitions made on the way.</summary>
    public IReadOnlyList<RolloutDriveResult> Rollouts { get; init; } = [];

    /// <summary>
    /// The resources the sync did not write because they already matched Git (ApplyOutOfSyncOnly), with their health when it
    /// ended: with <see cref="Resources"/>, every resource of the application, as Argo CD's status.resources lists them.
    /// </summary>
    public IReadOnlyList<ResourceResult> LeftInSync { get; init; } = [];

    /// <summary>The images the rendered manifests run (empty when the render failed).</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The digest of the rendered manifests (<see cref="RenderedSummary.Digest"/>); empty when the render failed.</summary>
    public string ManifestDigest { get; init; } = "";

    public static SyncResult Failed(string application, string message, IReadOnlyList<ResourceResult>? resources = null, IReadOnlyList<ResourceDiff>? diffs = null) =>
        new(application, false, message, resources ?? [], null, diffs ?? []);
}
