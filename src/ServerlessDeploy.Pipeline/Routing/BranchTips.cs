using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Core.Triggers;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// Whether a push concerns an app that tracks the pushed branch (by name, or as HEAD when the pushed branch is the
/// remote's default branch), judged against the branch's tip when the router reads the event: later pushes may have
/// landed meanwhile, so the pushed commit counts when it is the tip or one of its ancestors, and the tip is what to
/// deploy (it holds the pushed commit). Each repository's default branch and each repository and ref are resolved once
/// per push.
/// </summary>
internal sealed class BranchTips(ISourceRepository sources, GitPushed push)
{
    private readonly Dictionary<(string RepoUrl, string Ref), string?> _tips = [];
    private readonly Dictionary<string, DefaultBranch?> _defaultBranches = [];

    /// <summary>The tip to deploy when <paramref name="source"/> tracks the pushed branch and holds the pushed commit; else null.</summary>
    public async Task<string?> TipForAsync(ApplicationSource source, List<string> notes, CancellationToken cancellationToken)
    {
        var (reference, knownTip) = await TrackedReferenceAsync(source, cancellationToken);
        if (reference is null)
        {
            return null;
        }

        var key = (source.RepoUrl, reference);
        if (!_tips.TryGetValue(key, out var tip))
        {
            tip = await HoldingPushAsync(source.RepoUrl, reference, knownTip, notes, cancellationToken);
            _tips[key] = tip;
            if (tip is null && reference != "HEAD")
            {
                notes.Add($"{push.RepositoryName} branch {push.Branch}: {Revisions.Abbreviate(push.NewCommit)} is no longer on the branch (a force push replaced it, or the branch is gone)");
            }
        }

        return tip;
    }

    /// <summary>
    /// The ref <paramref name="source"/> follows when that is the pushed branch; else null. HEAD follows the default
    /// branch only: a commit pushed to another branch may already be in the default branch's history, and still the
    /// push is not to what HEAD names. Where the remote does not name its default branch, HEAD itself is followed.
    /// The default branch's tip comes with its name (one read of the remote), so it is not resolved again.
    /// </summary>
    private async Task<(string? Reference, string? KnownTip)> TrackedReferenceAsync(ApplicationSource source, CancellationToken cancellationToken)
    {
        if (source.TargetRevision == push.Branch || source.TargetRevision == "refs/heads/" + push.Branch)
        {
            return (source.TargetRevision, null);
        }

        if (source.TargetRevision is not ("" or "HEAD"))
        {
            return (null, null);
        }

        if (!_defaultBranches.TryGetValue(source.RepoUrl, out var defaultBranch))
        {
            defaultBranch = await sources.DefaultBranchAsync(source.RepoUrl, cancellationToken);
            _defaultBranches[source.RepoUrl] = defaultBranch;
        }

        // A remote that does not say which branch HEAD names (or a plain folder) is judged by HEAD's tip alone.
        return defaultBranch is null ? ("HEAD", null)
            : defaultBranch.Name == push.Branch ? ("refs/heads/" + defaultBranch.Name, defaultBranch.Tip)
            : (null, null);
    }

    // A plain local folder (no Git) resolves to an empty revision and tracks no branch.
    private async Task<string?> HoldingPushAsync(string repoUrl, string reference, string? knownTip, List<string> notes, CancellationToken cancellationToken)
    {
        var tip = knownTip;
        if (tip is null)
        {
            var lookup = await sources.ResolveAsync(repoUrl, reference, cancellationToken);
            if (lookup.Revision is null)
            {
                // The branch was deleted after the push: nothing of it is left to deploy, and retrying will not bring it back.
                notes.Add(lookup.Problem);
                return null;
            }

            tip = lookup.Revision.Id;
        }

        if (tip.Length == 0)
        {
            return null;
        }

        return await sources.CompareAsync(repoUrl, push.NewCommit, tip, cancellationToken) is RevisionOrder.Same or RevisionOrder.Older ? tip : null;
    }
}
