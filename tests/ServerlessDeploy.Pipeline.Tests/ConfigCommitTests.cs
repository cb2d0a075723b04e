using ServerlessDeploy.Core.Sources;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Reconciling;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The config commit the router read travels with each request, and the deployer reads the Application at it without resolving the branch again.</summary>
public sealed class ConfigCommitTests : IDisposable
{
    private readonly ConfigRepo _config = ConfigRepo.Create();
    private readonly string _cache = Directory.CreateTempSubdirectory("sdeploy-config-commit-").FullName;
    private readonly CountingSources _sources;
    private readonly PipelineSettings _settings;

    public ConfigCommitTests()
    {
        _settings = new PipelineSettings(_config.Url);
        _sources = new CountingSources(new GitSourceRepository(new GitSources(new GitSourceOptions(_cache), TimeProvider.System), new NoGitCredentials()));
    }

    [Fact]
    public async Task Each_routed_request_carries_the_config_commit_the_router_read()
    {
        var commit = _config.AddApp("a").AddApp("b").Commit("two apps");
        var settings = _settings with { ReconcileFanOut = ReconcileFanOut.App };
        var deployQueue = new InMemoryQueue("deploy.fifo", true, TimeProvider.System, TimeSpan.FromMinutes(15));
        using var store = new SqliteStateStore(Path.Combine(_cache, "state"));
        var router = new RouterHandler(new Router(new ConfigRepository(_sources, settings), _sources, settings, deployQueue, store, TimeProvider.System));

        var routed = await router.HandleAsync(new ReceivedMessage("m-1", LocalEvents.ReconcileTick(DateTimeOffset.UtcNow), 1, "r-1"), null, CancellationToken.None);

        Assert.True(routed.Done, routed.Message);

        var requests = deployQueue.Bodies().Select(DeployRequestJson.Deserialize).ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(commit, r.ConfigCommit));
    }

    [Fact]
    public async Task A_tick_s_compare_pass_carries_the_config_commit_the_router_read()
    {
        var commit = _config.AddApp("a").AddApp("b").Commit("two apps");
        var deployQueue = new InMemoryQueue("deploy.fifo", true, TimeProvider.System, TimeSpan.FromMinutes(15));
        using var store = new SqliteStateStore(Path.Combine(_cache, "state"));
        var router = new RouterHandler(new Router(new ConfigRepository(_sources, _settings), _sources, _settings, deployQueue, store, TimeProvider.System));

        var routed = await router.HandleAsync(new ReceivedMessage("m-1", LocalEvents.ReconcileTick(DateTimeOffset.UtcNow), 1, "r-1"), null, CancellationToken.None);

        Assert.True(routed.Done, routed.Message);
        var pass = Assert.Single(deployQueue.Bodies().Select(ComparePassJson.TryDeserialize));
        Assert.Equal(commit, pass?.ConfigCommit);
        Assert.Equal((0, 1), (pass?.Shard, pass?.Shards));
    }

    [Fact]
    public async Task The_configuration_at_a_decided_commit_is_read_without_resolving_the_branch_and_from_the_cache_when_read_before()
    {
        var first = _config.AddApp("a").Commit("one app");
        var second = _config.AddApp("b").Commit("two apps");
        var repository = new ConfigRepository(_sources, _settings);

        var atFirst = await repository.LoadAsync(first, CancellationToken.None);
        var atSecond = await repository.LoadAsync(second, CancellationToken.None);
        var again = await repository.LoadAsync(second, CancellationToken.None);

        Assert.Equal([_config.App("a")], atFirst.Apps.Select(a => a.Application.Name));
        Assert.Equal([_config.App("a"), _config.App("b")], atSecond.Apps.Select(a => a.Application.Name).Order(StringComparer.Ordinal));
        Assert.Same(atSecond, again);
        Assert.Equal(0, _sources.Resolves);
        Assert.Equal(2, _sources.Checkouts);

        var head = await repository.LoadAsync(null, CancellationToken.None);
        Assert.Equal(second, head.Commit);
        Assert.Equal(1, _sources.Resolves);
    }

    public void Dispose()
    {
        _config.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    /// <summary>The Git source, counting what the configuration reads through it.</summary>
    private sealed class CountingSources(ISourceRepository inner) : ISourceRepository
    {
        private int _resolves;
        private int _checkouts;

        public int Resolves => _resolves;

        public int Checkouts => _checkouts;

        public Task<RevisionLookup> ResolveAsync(string repoUrl, string revision, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _resolves);
            return inner.ResolveAsync(repoUrl, revision, cancellationToken);
        }

        public Task<ISourceTree> CheckoutAsync(string repoUrl, string revision, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _checkouts);
            return inner.CheckoutAsync(repoUrl, revision, cancellationToken);
        }

        public Task<RevisionOrder> CompareAsync(string repoUrl, string revision, string baseline, CancellationToken cancellationToken) =>
            inner.CompareAsync(repoUrl, revision, baseline, cancellationToken);

        public Task<IReadOnlyList<string>?> ChangedPathsAsync(string repoUrl, string fromRevision, string toRevision, CancellationToken cancellationToken) =>
            inner.ChangedPathsAsync(repoUrl, fromRevision, toRevision, cancellationToken);

        public Task<DefaultBranch?> DefaultBranchAsync(string repoUrl, CancellationToken cancellationToken) =>
            inner.DefaultBranchAsync(repoUrl, cancellationToken);
    }
}
