using LibGit2Sharp;
using ServerlessDeploy.Git.Locations;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>
/// Brings a bare mirror up to date with its remote: lists the remote's references (one round trip) and fetches every
/// branch and tag, force-updated and pruned, only when they differ from the mirror's. Runs under the repository lock.
/// </summary>
internal static class MirrorSync
{
    private const string Heads = MirrorRemote.Heads;
    private const string Tags = MirrorRemote.Tags;

    public static RemoteHead Sync(Repository mirror, RepositoryLocation location, CredentialSession session, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        List<Reference> advertised;
        try
        {
            advertised = [.. mirror.Network.ListReferences(location.FetchUrl, session.ForOperation())];
        }
        catch (LibGit2SharpException error)
        {
            throw GitErrors.Translate(error, "cannot list the references of", location.DisplayUrl, session, cancellationToken);
        }

        if (!Same(BranchesAndTags(advertised), BranchesAndTags(mirror.Refs)))
        {
            Fetch(mirror, location, session, cancellationToken);
        }

        return HeadOf(advertised);
    }

    private static void Fetch(Repository mirror, RepositoryLocation location, CredentialSession session, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = new FetchOptions
        {
            CredentialsProvider = session.ForOperation(),
            Prune = true,
            TagFetchMode = TagFetchMode.None,
            OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
            OnProgress = _ => !cancellationToken.IsCancellationRequested,
        };
        try
        {
            var remote = MirrorRemote.Ensure(mirror, location.FetchUrl);
            Commands.Fetch(mirror, remote.Name, MirrorRemote.RefSpecs, options, "sdeploy: fetch");
        }
        catch (LibGit2SharpException error)
        {
            throw GitErrors.Translate(error, "cannot fetch", location.DisplayUrl, session, cancellationToken);
        }
    }

    private static RemoteHead HeadOf(IEnumerable<Reference> advertised) =>
        advertised.FirstOrDefault(r => r.CanonicalName == "HEAD") switch
        {
            SymbolicReference symbolic => new RemoteHead(symbolic.TargetIdentifier, null),
            DirectReference direct => new RemoteHead(null, direct.TargetIdentifier),
            _ => RemoteHead.None,
        };

    private static Dictionary<string, string> BranchesAndTags(IEnumerable<Reference> references) =>
        references
            .Where(r => r is DirectReference && (r.CanonicalName.StartsWith(Heads, StringComparison.Ordinal) || r.CanonicalName.StartsWith(Tags, StringComparison.Ordinal)))
            .Where(r => !r.CanonicalName.EndsWith("^{}", StringComparison.Ordinal))
            .ToDictionary(r => r.CanonicalName, r => r.TargetIdentifier, StringComparer.Ordinal);

    private static bool Same(Dictionary<string, string> remote, Dictionary<string, string> local) =>
        remote.Count == local.Count && remote.All(pair => local.TryGetValue(pair.Key, out var sha) && sha == pair.Value);
}
