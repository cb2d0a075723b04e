using LibGit2Sharp;
using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git.Locations;
using ServerlessDeploy.Git.Mirrors;
using ServerlessDeploy.Git.Revisions;

namespace ServerlessDeploy.Git.Push;

/// <summary>
/// Commits edits on a branch and pushes them, in the repository's mirror (no working copy): fetch, apply the edits to
/// the branch head, commit, push. When the remote refuses because the branch moved on, fetch and re-apply the edits on
/// the new head, up to <see cref="GitSourceOptions.PushAttempts"/> times. Remotes over http(s) update the branch only
/// if it has not moved (git's receive-pack); for a local repository, whose libgit2 transport would overwrite the
/// branch, the commit is sent to a private ref and the branch moved by <see cref="LocalBranch.CompareAndSwap"/>.
/// </summary>
internal sealed class CommitPusher(MirrorStore mirrors, GitSourceOptions options, TimeProvider time)
{
    private const string PushRef = "refs/sdeploy/push";

    public Task<string> PushAsync(PushRequest request, CancellationToken cancellationToken) =>
        mirrors.LockAsync(request.Location, () => PushWithRetriesAsync(request, cancellationToken), cancellationToken);

    private async Task<string> PushWithRetriesAsync(PushRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await Task.Run(() => mirrors.Open(request.Location, m => TryOnce(m, request, cancellationToken)), cancellationToken);
            if (outcome.Sha is not null)
            {
                return outcome.Sha;
            }

            if (attempt >= options.PushAttempts)
            {
                throw new GitSourceException(
                    GitFailure.PushRejected,
                    $"cannot push to branch '{request.Branch}' of {request.Location.DisplayUrl}: refused {attempt} times, last: {outcome.Rejection}");
            }

            await Task.Delay(options.PushRetryDelay * attempt, time, cancellationToken);
        }
    }

    private PushAttempt TryOnce(Repository mirror, PushRequest request, CancellationToken cancellationToken)
    {
        var session = new CredentialSession(request.Credentials);
        MirrorSync.Sync(mirror, request.Location, session, cancellationToken);
        var head = Peeling.ToCommit(mirror.Refs[request.BranchRef]?.ResolveToDirectReference()?.Target)
            ?? throw new GitSourceException(GitFailure.RevisionNotFound, $"branch '{request.Branch}' not found in {request.Location.DisplayUrl}");
        var tree = TreeEdits.Apply(mirror, head.Tree, request.Edits);
        if (tree.Id == head.Tree.Id)
        {
            return PushAttempt.Landed(head.Sha);
        }

        var signature = new Signature(request.Author.Name, request.Author.Email, time.GetUtcNow());
        var commit = mirror.ObjectDatabase.CreateCommit(signature, signature, CommitMessages.Prettify(request.Message), tree, [head], prettifyMessage: false);
        var rejection = Publish(mirror, request, session, commit, head, cancellationToken);
        if (rejection is not null)
        {
            return PushAttempt.Rejected(rejection);
        }

        mirror.Refs.UpdateTarget(mirror.Refs[request.BranchRef], commit.Id, "sdeploy: push");
        return PushAttempt.Landed(commit.Sha);
    }

    private static string? Publish(Repository mirror, PushRequest request, CredentialSession session, Commit commit, Commit head, CancellationToken cancellationToken)
    {
        var local = request.Location.Kind == LocationKind.LocalRepository;
        var destination = local ? $"{LocalBranch.IncomingRefs}{Guid.NewGuid():N}" : request.BranchRef;
        mirror.Refs.Add(PushRef, commit.Id, allowOverwrite: true);
        try
        {
            return Send(mirror, request, session, destination, cancellationToken)
                ?? (local ? LocalBranch.CompareAndSwap(request.Location.FetchUrl, request.BranchRef, destination, head.Id, commit.Id) : null);
        }
        finally
        {
            mirror.Refs.Remove(PushRef);
        }
    }

    private static string? Send(Repository mirror, PushRequest request, CredentialSession session, string destination, CancellationToken cancellationToken)
    {
        string? rejection = null;
        var pushOptions = new PushOptions
        {
            CredentialsProvider = session.ForOperation(),
            OnPushStatusError = error => rejection = error.Message,
            OnPushTransferProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
            OnPackBuilderProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
        };
        try
        {
            mirror.Network.Push(MirrorRemote.Ensure(mirror, request.Location.FetchUrl), $"{PushRef}:{destination}", pushOptions);
            return rejection is null ? null : GitErrors.Clean(rejection, request.Credentials);
        }
        catch (LibGit2SharpException error) when (error is NonFastForwardException || error.Message.Contains("not present locally", StringComparison.Ordinal))
        {
            return error.Message;
        }
        catch (LibGit2SharpException error)
        {
            throw GitErrors.Translate(error, "cannot push to", request.Location.DisplayUrl, session, cancellationToken);
        }
    }
}
