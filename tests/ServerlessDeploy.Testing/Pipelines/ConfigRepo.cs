using System.Globalization;
using LibGit2Sharp;
using ServerlessDeploy.Local.Repositories;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>
/// A temporary config repository: an AppProject, Applications under apps/ whose repoURL is ../workloads (so they point
/// into this repository), and plain-YAML workloads under workloads/&lt;app&gt;. Names are unique per instance.
/// </summary>
public sealed class ConfigRepo : IDisposable
{
    private ConfigRepo(string folder, LocalGitRepository repository, string prefix)
    {
        Folder = folder;
        Repository = repository;
        Prefix = prefix;
    }

    public string Folder { get; }

    public LocalGitRepository Repository { get; }

    /// <summary>Unique per repository: app names and namespaces start with it.</summary>
    public string Prefix { get; }

    public string Name => Repository.Name;

    public string Url => Repository.BarePath;

    public static ConfigRepo Create()
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-pipeline-config-").FullName;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        var repository = LocalGitRepository.Create(folder, prefix + "-config");
        repository.Write("projects/tests.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: tests
            spec:
              sourceRepos:
                - "*"
              destinations:
                - server: https://kubernetes.default.svc
                  namespace: "*"
              clusterResourceWhitelist:
                - group: ""
                  kind: Namespace
            """);
        return new ConfigRepo(folder, repository, prefix);
    }

    public string App(string shortName) => $"{Prefix}-{shortName}";

    public string Namespace(string shortName) => $"{Prefix}-{shortName}-ns";

    /// <summary>Adds an automated (prune) Application for workloads/&lt;shortName&gt; with one ConfigMap, settings.yaml.</summary>
    public ConfigRepo AddApp(string shortName, string? imageList = null, string greeting = "hello")
    {
        AddAnnotatedApp(shortName, imageList is null ? new Dictionary<string, string>() : new() { ["argocd-image-updater.argoproj.io/image-list"] = imageList });
        WriteSettings(shortName, greeting);
        return this;
    }

    public ConfigRepo WriteSettings(string shortName, string greeting)
    {
        Repository.Write($"workloads/{shortName}/settings.yaml", SettingsManifest(greeting));
        return this;
    }

    /// <summary>The ConfigMap "settings" every test app deploys, with this greeting.</summary>
    public static string SettingsManifest(string greeting) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          greeting: {greeting}
        """;

    public ConfigRepo AddDeployment(string shortName)
    {
        Repository.Write($"workloads/{shortName}/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            """);
        return this;
    }

    /// <summary>
    /// Writes a canary Rollout "web" of <paramref name="image"/> with Services web-canary and web-stable into
    /// workloads/&lt;shortName&gt;: 25 %, an indefinite pause, 50 %, a pause of a second.
    /// </summary>
    public ConfigRepo WriteRollout(string shortName, string image)
    {
        Repository.Write($"workloads/{shortName}/rollout.yaml", Rollouts.CanaryManifests.App(image));
        return this;
    }

    public string Commit(string message) => Repository.CommitAndPush(message, DateTimeOffset.UtcNow);

    /// <summary>
    /// Adds an automated (prune) Application for workloads/&lt;shortName&gt; with these annotations (image-list and
    /// the other Image Updater keys, written as given) and no workload files.
    /// </summary>
    public ConfigRepo AddAnnotatedApp(string shortName, IReadOnlyDictionary<string, string> annotations) =>
        WriteApp(shortName, annotations, "../workloads", "HEAD");

    /// <summary>Adds an automated (prune) Application for &lt;shortName&gt;/ of another repository at <paramref name="targetRevision"/>.</summary>
    public ConfigRepo AddAppOf(string shortName, string repoUrl, string targetRevision) =>
        WriteApp(shortName, new Dictionary<string, string>(), repoUrl, targetRevision);

    private ConfigRepo WriteApp(string shortName, IReadOnlyDictionary<string, string> annotations, string repoUrl, string targetRevision)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var lines = annotations.Count == 0 ? "" : "\n  annotations:" + string.Concat(annotations.Select(a => $"\n    {a.Key}: \"{a.Value}\""));
        Repository.Write($"apps/{shortName}.yaml", $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {App(shortName)}{lines}
            spec:
              project: tests
              source:
                repoURL: {repoUrl}
                targetRevision: {targetRevision}
                path: {shortName}
              destination:
                server: https://kubernetes.default.svc
                namespace: {Namespace(shortName)}
              syncPolicy:
                automated:
                  prune: true
                syncOptions:
                  - CreateNamespace=true
            """);
        return this;
    }

    /// <summary>Takes the remote's main into the working clone (after the deployer committed to it); local changes are lost.</summary>
    public void Pull()
    {
        using var work = new LibGit2Sharp.Repository(Repository.WorkPath);
        Commands.Fetch(work, "origin", ["+refs/heads/main:refs/remotes/origin/main"], null, null);
        work.Reset(ResetMode.Hard, work.Branches["origin/main"].Tip);
    }

    /// <summary>The remote's main, newest first.</summary>
    public IReadOnlyList<RemoteCommit> RemoteLog()
    {
        using var bare = new LibGit2Sharp.Repository(Url);
        return [.. bare.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = bare.Branches["main"], SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time })
            .Select(c => new RemoteCommit(c.Sha, c.Message, [.. c.Parents.Select(p => p.Sha)]))];
    }

    /// <summary>A file's text at a commit of the remote; null when the commit has no such file.</summary>
    public string? RemoteFile(string commit, string path)
    {
        using var bare = new LibGit2Sharp.Repository(Url);
        return bare.Lookup<LibGit2Sharp.Commit>(commit)?[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} at {Url}");

    public void Dispose()
    {
        Repository.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Git pack files are read-only; leave them to the temp folder's cleaner.
        }
    }
}
