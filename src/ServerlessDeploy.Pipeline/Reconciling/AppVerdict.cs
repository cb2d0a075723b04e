namespace ServerlessDeploy.Pipeline.Reconciling;

/// <summary>What a compare pass made of one app.</summary>
public enum AppVerdictKind
{
    /// <summary>Compared against the snapshot: in sync, or out of sync with nothing for automated sync to do; recorded.</summary>
    Recorded,

    /// <summary>Sent to the deploy queue: it syncs (a new commit, drift with selfHeal) or needs the per-app path's closer look.</summary>
    Sent,

    /// <summary>
    /// Left as it is, as its own request would leave it: nothing written, nothing sent (automated sync waits for a new
    /// commit after a failed one; a branch head older than the deployed commit is refused), or left to a sync of it that
    /// holds it or began since the pass read it.
    /// </summary>
    Skipped,

    /// <summary>Its cluster (or the part of it its comparison needed) could not be read: reported, compared again at the next tick.</summary>
    Unreadable,
}

/// <param name="Reason">Why, as a person reads it ("in sync with abc1234", "new commit abc1234", "deployment/web not in the snapshot", "the sync to abc1234 failed before").</param>
public sealed record AppVerdict(string App, AppVerdictKind Kind, string Reason);
