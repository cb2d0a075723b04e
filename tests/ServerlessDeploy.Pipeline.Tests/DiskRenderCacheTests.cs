using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Rendering.Cache;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Yaml;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Rendering;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Testing;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The render cache in a folder: one gzipped JSON file per key, written whole or not at all.</summary>
public sealed class DiskRenderCacheTests : IDisposable
{
    private const string Commit = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private readonly string _folder = Directory.CreateTempSubdirectory("sdeploy-render-cache-").FullName;
    private readonly RenderCacheKey _key = new(new string('a', 64));

    private string CacheFolder => Path.Combine(_folder, "render-cache");

    [Fact]
    public async Task An_entry_is_one_file_named_by_its_key_and_reads_back_whole()
    {
        var cache = new DiskRenderCache(CacheFolder);

        await cache.PutAsync(_key, [ConfigMap("a"), ConfigMap("b")], CancellationToken.None);
        var read = await cache.GetAsync(_key, CancellationToken.None);

        Assert.Equal([Path.Combine(CacheFolder, _key.Value + ".json.gz")], Directory.GetFiles(CacheFolder));
        Assert.Equal(["a", "b"], read?.Select(m => m.Name));
        // Another process (a new cache on the same folder) reads what this one wrote.
        Assert.Equal(["a", "b"], (await new DiskRenderCache(CacheFolder).GetAsync(_key, CancellationToken.None))?.Select(m => m.Name));
    }

    [Fact]
    public async Task A_key_never_written_and_a_folder_never_made_are_misses()
    {
        Assert.Null(await new DiskRenderCache(CacheFolder).GetAsync(_key, CancellationToken.None));
        Assert.False(Directory.Exists(CacheFolder));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}]")]
    public async Task A_torn_or_foreign_file_is_a_miss_and_a_put_replaces_it(string text)
    {
        var cache = new DiskRenderCache(CacheFolder);
        await cache.PutAsync(_key, [ConfigMap("a")], CancellationToken.None);
        var file = Path.Combine(CacheFolder, _key.Value + ".json.gz");
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, text.Length > 0 ? System.Text.Encoding.UTF8.GetBytes(text) : whole[..(whole.Length / 2)]);

        Assert.Null(await cache.GetAsync(_key, CancellationToken.None));
        await cache.PutAsync(_key, [ConfigMap("b")], CancellationToken.None);
        Assert.Equal("b", Assert.Single(await cache.GetAsync(_key, CancellationToken.None) ?? []).Name);
    }

    [Fact]
    public async Task Writers_of_one_key_at_once_leave_one_whole_entry_and_no_temporary_file()
    {
        var cache = new DiskRenderCache(CacheFolder);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => cache.PutAsync(_key, [ConfigMap($"m{i}")], CancellationToken.None))));

        Assert.Single(Directory.GetFiles(CacheFolder));
        Assert.Matches("^m[0-9]+$", Assert.Single(await cache.GetAsync(_key, CancellationToken.None) ?? []).Name);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_made_fails_the_put_for_the_caller_to_report()
    {
        var blocker = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");

        await Assert.ThrowsAnyAsync<IOException>(() => new DiskRenderCache(Path.Combine(blocker, "render-cache")).PutAsync(_key, [ConfigMap("a")], CancellationToken.None));
    }

    [Fact]
    public async Task The_local_deployers_renders_go_through_the_cache_in_its_state_folder_with_the_real_renderer()
    {
        var state = Path.Combine(_folder, "state");
        using var config = ConfigRepo.Create();
        using var local = LocalDeployer.Create(new PipelineSettings(config.Url), new KubeconfigClusters(Path.Combine(_folder, "no-kubeconfig")), state, new CompositeNotifier([]));
        var app = Chart();
        var checkouts = 0;
        var examples = Path.Combine(RepositoryRoot.Find(), "examples", "workloads");
        Task<string> Checkout(CancellationToken token)
        {
            checkouts++;
            return Task.FromResult(examples);
        }

        var miss = await local.Renders.RenderAsync(app, Commit, ["redis=redis:7.4"], Checkout, CancellationToken.None);
        var hit = await local.Renders.RenderAsync(app, Commit, ["redis=redis:7.4"], Checkout, CancellationToken.None);

        Assert.True(miss.Result.Succeeded, miss.Result.Error);
        Assert.Equal((false, true, 1), (miss.Hit, hit.Hit, checkouts));
        Assert.Single(Directory.GetFiles(Path.Combine(state, DiskRenderCache.FolderName), "*.json.gz"));
        Assert.Equal(miss.Result.Manifests.Select(m => m.Key), hit.Result.Manifests.Select(m => m.Key));
        Assert.True(miss.Result.Manifests.Zip(hit.Result.Manifests).All(p => JsonNode.DeepEquals(p.First.Json, p.Second.Json)));
        Assert.Contains(hit.Result.Manifests, m => m.Kind == "StatefulSet");
    }

    private static Application Chart()
    {
        var parsed = ApplicationReader.Read(YamlReader.ReadAll("""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: cache
            spec:
              project: default
              source:
                repoURL: https://github.com/acme/deploy.git
                path: redis-chart
              destination:
                server: https://kubernetes.default.svc
                namespace: demo
            """, "app.yaml")[0].AsObject());
        return parsed.Application ?? throw new InvalidOperationException(string.Join("; ", parsed.Errors));
    }

    private static Manifest ConfigMap(string name) => new(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
    });

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
