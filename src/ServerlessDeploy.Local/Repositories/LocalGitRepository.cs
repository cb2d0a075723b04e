using LibGit2Sharp;

namespace ServerlessDeploy.Local.Repositories;

/// <summary>
/// A Git repository on disk as a hosting service would hold it: a bare repository (<c>&lt;name&gt;.git</c>, default
/// branch main) and a working clone that commits and pushes to it. The demo's config repository; tests' too.
/// </summary>
public sealed class LocalGitRepository : IDisposable
{
    private readonly Repository _work;

    private LocalGitRepository(string bare, string workPath)
    {
        BarePath = bare;
        WorkPath = workPath;
        _work = new Repository(workPath);
    }

    /// <summary>The bare repository: what Applications and the pipeline use as the repository URL.</summary>
    public string BarePath { get; }

    public string WorkPath { get; }

    public string Name => Path.GetFileNameWithoutExtension(BarePath);

    /// <summary>The pushed head of main; null before the first push.</summary>
    public string? Head => _work.Branches["origin/main"]?.Tip?.Sha;

    /// <summary>The bare repository's main as it is now, including commits others pushed (the image updater's).</summary>
    public (string Sha, string Message) RemoteMain()
    {
        using var bare = new Repository(BarePath);
        var tip = bare.Branches["main"].Tip;
        return (tip.Sha, tip.Message);
    }

    /// <summary>A file as the bare repository's main holds it.</summary>
    public string RemoteFile(string path)
    {
        using var bare = new Repository(BarePath);
        return ((Blob)bare.Branches["main"].Tip[path].Target).GetContentText();
    }

    public static LocalGitRepository Create(string folder, string name)
    {
        var bare = Path.Combine(folder, name + ".git");
        var workPath = Path.Combine(folder, name);
        Repository.Init(bare, isBare: true);
        File.WriteAllText(Path.Combine(bare, "HEAD"), "ref: refs/heads/main\n");
        Repository.Init(workPath);
        File.WriteAllText(Path.Combine(workPath, ".git", "HEAD"), "ref: refs/heads/main\n");
        var repository = new LocalGitRepository(bare, workPath);
        repository._work.Network.Remotes.Add("origin", bare);
        return repository;
    }

    /// <summary>Copies a folder's files into the working tree under <paramref name="target"/> (empty for the root).</summary>
    public LocalGitRepository CopyFrom(string source, string target = "")
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(WorkPath, target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination) ?? WorkPath);
            File.Copy(file, destination, overwrite: true);
        }

        return this;
    }

    public LocalGitRepository Write(string path, string content)
    {
        var full = Path.Combine(WorkPath, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full) ?? WorkPath);
        File.WriteAllText(full, content);
        return this;
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(WorkPath, path));

    /// <summary>Commits every change in the working tree and pushes main; returns the new commit.</summary>
    public string CommitAndPush(string message, DateTimeOffset when)
    {
        Commands.Stage(_work, "*");
        var signature = new Signature("ServerlessDeploy demo", "demo@serverless-deploy.local", when);
        var commit = _work.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true });
        _work.Network.Push(_work.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
        return commit.Sha;
    }

    /// <summary>Fetches main and moves the working tree to it, after others pushed to it (the image updater's write-back).</summary>
    public LocalGitRepository Pull()
    {
        Commands.Fetch(_work, "origin", ["refs/heads/main:refs/remotes/origin/main"], null, null);
        _work.Reset(ResetMode.Hard, _work.Branches["origin/main"].Tip);
        return this;
    }

    public void Dispose() => _work.Dispose();
}
