using LibGit2Sharp;

namespace ServerlessDeploy.Git.Push;

/// <summary>
/// Moves a branch of a local repository only when it still points at the commit the new one was built on. libgit2's
/// local transport overwrites the branch on push, so a racing pusher's commit could be lost; instead the commit is
/// pushed to a private ref (which copies the objects) and the branch is moved here, one sdeploy pusher at a time
/// (an exclusive lock on a file in the repository's Git folder), with libgit2's own lock and old-value check
/// guarding against other writers.
/// </summary>
internal static class LocalBranch
{
    public const string IncomingRefs = "refs/sdeploy/incoming/";
    private const string LockFile = "sdeploy-push.lock";

    /// <summary>Null when the branch was moved from <paramref name="expected"/> to <paramref name="commit"/>; otherwise why not (worth retrying).</summary>
    public static string? CompareAndSwap(string repositoryPath, string branchRef, string incomingRef, ObjectId expected, ObjectId commit)
    {
        using var target = new Repository(repositoryPath);
        try
        {
            using var gate = TryLock(Path.Combine(target.Info.Path, LockFile));
            if (gate is null)
            {
                return "another push to this repository is in progress";
            }

            var branch = target.Refs[branchRef];
            if (branch is null || branch.TargetIdentifier != expected.Sha)
            {
                return $"the branch moved on to {branch?.TargetIdentifier ?? "nothing"}";
            }

            target.Refs.UpdateTarget(branch, commit, "sdeploy: push");
            return null;
        }
        catch (LibGit2SharpException error)
        {
            return error.Message;
        }
        finally
        {
            target.Refs.Remove(incomingRef);
        }
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
