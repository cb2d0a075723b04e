using LibGit2Sharp;

namespace ServerlessDeploy.Git.Tests.Fixtures;

/// <summary>
/// A bare repository in a temporary folder (the remote, default branch main), a working repository that pushes to it,
/// and a cache folder for the adapter. Commits carry fixed signatures, one second apart.
/// </summary>
internal sealed class TestRemote : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Repository _work;
    private int _commits;

    public TestRemote()
    {
        Root = Directory.CreateTempSubdirectory("sdeploy-git-").FullName;
        Bare = Path.Combine(Root, "remote.git");
        WorkPath = Path.Combine(Root, "work");
        Cache = Path.Combine(Root, "cache");
        Repository.Init(Bare, isBare: true);
        File.WriteAllText(Path.Combine(Bare, "HEAD"), "ref: refs/heads/main\n");
        Repository.Init(WorkPath);
        File.WriteAllText(Path.Combine(WorkPath, ".git", "HEAD"), "ref: refs/heads/main\n");
        _work = new Repository(WorkPath);
        _work.Network.Remotes.Add("origin", Bare);
    }

    public string Root { get; }

    public string Bare { get; }

    public string WorkPath { get; }

    public string Cache { get; }

    public string FileUrl => new Uri(Bare).AbsoluteUri;

    public GitSources Sources(TimeProvider? time = null, string? cache = null) =>
        new(new GitSourceOptions(cache ?? Cache), time ?? TimeProvider.System);

    public TestRemote Write(string path, string content, bool executable = false)
    {
        var full = Path.Combine(WorkPath, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        File.SetUnixFileMode(full, executable ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
        Commands.Stage(_work, path);
        return this;
    }

    public TestRemote Link(string path, string target)
    {
        File.CreateSymbolicLink(Path.Combine(WorkPath, path), target);
        Commands.Stage(_work, path);
        return this;
    }

    public TestRemote Delete(string path)
    {
        Commands.Remove(_work, path);
        return this;
    }

    public TestRemote Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(WorkPath, to))!);
        Commands.Move(_work, from, to);
        return this;
    }

    /// <summary>Commits what is staged on the current branch and returns the commit sha.</summary>
    public string Commit(string message)
    {
        var signature = Signature();
        return _work.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    /// <summary>Pushes the current branch (or <paramref name="branch"/>) to the remote, force-updating it when asked.</summary>
    public TestRemote Push(string? branch = null, bool force = false)
    {
        var name = branch ?? _work.Head.FriendlyName;
        _work.Network.Push(_work.Network.Remotes["origin"], $"{(force ? "+" : "")}refs/heads/{name}:refs/heads/{name}");
        return this;
    }

    public TestRemote Checkout(string branch, bool create = false)
    {
        var target = create ? _work.CreateBranch(branch) : _work.Branches[branch];
        Commands.Checkout(_work, target);
        return this;
    }

    /// <summary>Moves the current branch back to <paramref name="sha"/> (the files follow), as before a force push.</summary>
    public TestRemote ResetHard(string sha)
    {
        _work.Reset(ResetMode.Hard, _work.Lookup<Commit>(sha));
        return this;
    }

    public TestRemote Tag(string name, string? annotation = null)
    {
        _ = annotation is null ? _work.ApplyTag(name) : _work.ApplyTag(name, Signature(), annotation);
        _work.Network.Push(_work.Network.Remotes["origin"], $"refs/tags/{name}:refs/tags/{name}");
        return this;
    }

    public TestRemote DeleteRemoteBranch(string branch)
    {
        _work.Network.Push(_work.Network.Remotes["origin"], $":refs/heads/{branch}");
        return this;
    }

    /// <summary>The sha of a branch on the remote.</summary>
    public string RemoteHead(string branch = "main")
    {
        using var bare = new Repository(Bare);
        return bare.Branches[branch].Tip.Sha;
    }

    /// <summary>A file's text at a commit of the remote.</summary>
    public string RemoteFile(string sha, string path)
    {
        using var bare = new Repository(Bare);
        return ((Blob)bare.Lookup<Commit>(sha)[path].Target).GetContentText();
    }

    public void Dispose()
    {
        _work.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private Signature Signature() => new("Test", "test@example.com", Epoch.AddSeconds(_commits++));
}
