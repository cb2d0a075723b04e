using LibGit2Sharp;

namespace ServerlessDeploy.Git.Mirrors;

/// <summary>The mirror's one remote, "origin", kept pointing at the URL the Application names and mirroring branches and tags as they are.</summary>
internal static class MirrorRemote
{
    public const string Name = "origin";
    public const string Heads = "refs/heads/";
    public const string Tags = "refs/tags/";
    public static readonly string[] RefSpecs = [$"+{Heads}*:{Heads}*", $"+{Tags}*:{Tags}*"];

    public static Remote Ensure(Repository mirror, string url)
    {
        var remote = mirror.Network.Remotes[Name];
        if (remote is null)
        {
            remote = mirror.Network.Remotes.Add(Name, url, RefSpecs[0]);
            mirror.Network.Remotes.Update(Name, r => r.FetchRefSpecs.Add(RefSpecs[1]));
        }
        else if (remote.Url != url)
        {
            mirror.Network.Remotes.Update(Name, r => r.Url = url);
        }

        return mirror.Network.Remotes[Name];
    }
}
