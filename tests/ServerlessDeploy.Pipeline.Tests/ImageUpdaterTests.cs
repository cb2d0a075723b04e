using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.Core.Images;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Images;
using ServerlessDeploy.Pipeline.Tests.Support;
using ServerlessDeploy.Rendering;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Tools;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Clusters;
using ServerlessDeploy.Testing.Pipelines;
using k8s;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>
/// The image updater end to end: a CodeCommit push deploys the app, then ECR push events go through the router and the
/// deployer, which chooses the tag, writes it back (image overrides, or a commit to the real bare remote) and deploys it
/// to the local API server.
/// </summary>
public sealed class ImageUpdaterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private const string Account = "123456789012";
    private const string Region = "us-west-2";
    private const string Image = "123456789012.dkr.ecr.us-west-2.amazonaws.com/web";
    private const string HelmValues = $"# Values of the web chart.\nreplicas: 1\nimage:\n  repository: {Image}  # from ECR\n  tag: 1.0.0\n  pullPolicy: IfNotPresent\n";
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private readonly PipelineRun _run = new(cluster);

    /// <summary>Push times, whole seconds apart (EventBridge's time has no fraction), in the past.</summary>
    private readonly DateTimeOffset _epoch = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero) - TimeSpan.FromHours(1);
    private int _pushes;

    private ConfigRepo Config => _run.Config;

    private SqliteStateStore Store => _run.Local.Store;

    [Fact]
    public async Task Argocd_method_keeps_the_winning_tag_as_an_override_without_a_commit_and_a_losing_push_changes_nothing()
    {
        Config.AddAnnotatedApp("a", ArgocdMethod($"web={Image}:^1.0"));
        Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment("1.0.0"));
        await DeployFirstAsync();
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("a"));

        var steps = await PushImageAsync("1.2.0");

        AssertAllDone(steps);
        Assert.Equal($"{Image}:1.2.0", await LiveImageAsync("a"));
        var state = await StateAsync("a");
        Assert.Equal(OperationPhase.Succeeded, state.Phase);
        Assert.Contains($"{Image}:1.2.0", state.ImageOverrides);
        Assert.Single(Config.RemoteLog());

        steps = await PushImageAsync("1.0.9");

        AssertAllDone(steps);
        var deployer = Assert.Single(steps, s => s.Stage == "deployer");
        Assert.Contains("does not win", deployer.Message, StringComparison.Ordinal);
        Assert.Equal($"{Image}:1.2.0", await LiveImageAsync("a"));
        Assert.Equal([$"{Image}:1.2.0"], (await StateAsync("a")).ImageOverrides);
        Assert.Single(Config.RemoteLog());
        var history = (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count;

        await _run.Local.Pipeline.SubmitAsync(LocalEvents.ReconcileTick(DateTimeOffset.UtcNow), CancellationToken.None);
        steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        AssertAllDone(steps);
        Assert.Contains(steps, s => s.Stage == "deployer");
        Assert.Equal($"{Image}:1.2.0", await LiveImageAsync("a"));
        Assert.Equal([$"{Image}:1.2.0"], (await StateAsync("a")).ImageOverrides);
        Assert.Equal(history, (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Git_method_on_plain_yaml_commits_only_the_image_line_deploys_it_and_its_own_push_does_not_deploy_again()
    {
        Config.AddAnnotatedApp("a", GitMethod($"web={Image}:^1.0"));
        var original = PlainDeployment("1.0.0");
        Config.Repository.Write("workloads/a/deployment.yaml", original);
        var first = await DeployFirstAsync();

        var steps = await PushImageAsync("1.1.0");

        var update = OneWriteBackOn(first, steps);
        Assert.Equal($"build: automatic update of {Config.App("a")}\n\nupdates image {Image} tag '1.0.0' to '1.1.0'\n", update.Message);
        Assert.Equal(original.Replace($"{Image}:1.0.0", $"{Image}:1.1.0", StringComparison.Ordinal), Config.RemoteFile(update.Sha, "workloads/a/deployment.yaml"));
        Assert.Equal(Config.RemoteFile(first, "workloads/a/settings.yaml"), Config.RemoteFile(update.Sha, "workloads/a/settings.yaml"));
        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("a"));
        var state = await StateAsync("a");
        Assert.Equal(OperationPhase.Succeeded, state.Phase);
        Assert.Equal(update.Sha, state.Revision);
        Assert.Empty(state.ImageOverrides);
        var history = (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count;
        var notifications = _run.Notifier.Notifications.Count;

        // The write-back commit's own push event comes back through EventBridge.
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(Config.Name, "main", first, update.Sha, DateTimeOffset.UtcNow), CancellationToken.None);
        steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        AssertAllDone(steps);
        var deployer = Assert.Single(steps, s => s.Stage == "deployer");
        Assert.True(
            deployer.Message.Contains("in sync", StringComparison.Ordinal) || deployer.Message.Contains("already", StringComparison.Ordinal),
            deployer.Message);
        Assert.Equal(history, (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count);
        Assert.Equal(notifications, _run.Notifier.Notifications.Count);
        Assert.Equal(update.Sha, (await StateAsync("a")).Revision);
        Assert.Equal(2, Config.RemoteLog().Count);

        steps = await PushImageAsync("1.0.9");

        AssertAllDone(steps);
        Assert.Contains("does not win", Assert.Single(steps, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Equal(2, Config.RemoteLog().Count);
        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("a"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Git_method_on_a_kustomize_app_writes_the_argocd_source_file_or_the_kustomization(bool kustomizationTarget)
    {
        var annotations = GitMethod($"web={Image}:^1.0");
        if (kustomizationTarget)
        {
            annotations[ImageUpdaterAnnotations.WriteBackTarget] = "kustomization";
        }

        Config.AddAnnotatedApp("k", annotations);
        var kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# The web app.\nresources:\n  - deployment.yaml\n";
        Config.Repository.Write("workloads/k/kustomization.yaml", kustomization);
        Config.Repository.Write("workloads/k/deployment.yaml", PlainDeployment("1.0.0"));
        var first = await DeployFirstAsync();
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("k"));

        var steps = await PushImageAsync("1.1.0");

        var update = OneWriteBackOn(first, steps);
        Assert.StartsWith($"build: automatic update of {Config.App("k")}\n", update.Message, StringComparison.Ordinal);
        Assert.Equal(PlainDeployment("1.0.0"), Config.RemoteFile(update.Sha, "workloads/k/deployment.yaml"));
        var sourceFile = Config.RemoteFile(update.Sha, $"workloads/k/.argocd-source-{Config.App("k")}.yaml");
        var written = Config.RemoteFile(update.Sha, "workloads/k/kustomization.yaml");
        if (kustomizationTarget)
        {
            Assert.Null(sourceFile);
            Assert.NotNull(written);
            Assert.StartsWith(kustomization, written, StringComparison.Ordinal);
            Assert.Contains("images:", written, StringComparison.Ordinal);
            Assert.Contains($"- name: {Image}", written, StringComparison.Ordinal);
            Assert.Contains("newTag: 1.1.0", written, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(kustomization, written);
            Assert.NotNull(sourceFile);
            Assert.Contains("kustomize:", sourceFile, StringComparison.Ordinal);
            Assert.Contains("images:", sourceFile, StringComparison.Ordinal);
            Assert.Contains($"{Image}:1.1.0", sourceFile, StringComparison.Ordinal);
        }

        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("k"));
        Assert.Equal(update.Sha, (await StateAsync("k")).Revision);
    }

    [Fact]
    public async Task Git_method_on_a_helm_app_changes_the_tag_line_of_the_values_file_in_place()
    {
        var annotations = GitMethod($"web={Image}:^1.0");
        annotations[ImageUpdaterAnnotations.WriteBackTarget] = "helmvalues:values.yaml";
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.HelmImageName)] = "image.repository";
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.HelmImageTag)] = "image.tag";
        Config.AddAnnotatedApp("h", annotations);
        WriteChart("h");
        var values = HelmValues;
        var first = await DeployFirstAsync();
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("h"));

        var steps = await PushImageAsync("1.1.0");

        var update = OneWriteBackOn(first, steps);
        Assert.Equal(values.Replace("tag: 1.0.0", "tag: 1.1.0", StringComparison.Ordinal), Config.RemoteFile(update.Sha, "workloads/h/values.yaml"));
        Assert.Null(Config.RemoteFile(update.Sha, $"workloads/h/.argocd-source-{Config.App("h")}.yaml"));
        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("h"));
        Assert.Equal(update.Sha, (await StateAsync("h")).Revision);
    }

    [Fact]
    public async Task Git_method_on_a_helm_app_without_a_target_writes_helm_parameters_to_the_argocd_source_file()
    {
        var annotations = GitMethod($"web={Image}:^1.0");
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.HelmImageName)] = "image.repository";
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.HelmImageTag)] = "image.tag";
        Config.AddAnnotatedApp("h", annotations);
        WriteChart("h");
        var first = await DeployFirstAsync();

        AssertAllDone(await PushImageAsync("1.1.0"));

        var update = Config.RemoteLog()[0];
        Assert.Equal([first], update.Parents);
        Assert.Equal(HelmValues, Config.RemoteFile(update.Sha, "workloads/h/values.yaml"));
        var sourceFile = Config.RemoteFile(update.Sha, $"workloads/h/.argocd-source-{Config.App("h")}.yaml");
        Assert.NotNull(sourceFile);
        Assert.Contains("helm:", sourceFile, StringComparison.Ordinal);
        Assert.Contains("image.tag", sourceFile, StringComparison.Ordinal);
        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("h"));
    }

    [Theory]
    [InlineData("kustomize")]
    [InlineData("helm")]
    public async Task Argocd_method_overrides_the_image_of_kustomize_and_helm_apps(string kind)
    {
        Config.AddAnnotatedApp("k", ArgocdMethod($"web={Image}:^1.0"));
        if (kind == "helm")
        {
            WriteChart("k");
        }
        else
        {
            Config.Repository.Write("workloads/k/kustomization.yaml", "resources:\n  - deployment.yaml\n");
            Config.Repository.Write("workloads/k/deployment.yaml", PlainDeployment("1.0.0"));
        }

        await DeployFirstAsync();

        AssertAllDone(await PushImageAsync("1.3.0"));

        Assert.Equal($"{Image}:1.3.0", await LiveImageAsync("k"));
        Assert.Single(Config.RemoteLog());
        Assert.Equal([$"{Image}:1.3.0"], (await StateAsync("k")).ImageOverrides);
    }

    [Fact]
    public async Task Git_method_with_a_kustomize_image_name_sets_new_name_and_tag_of_the_placeholder()
    {
        var annotations = GitMethod($"web={Image}:^1.0");
        annotations[ImageUpdaterAnnotations.WriteBackTarget] = "kustomization";
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.KustomizeImageName)] = "web-placeholder";
        Config.AddAnnotatedApp("k", annotations);
        var kustomization = $"resources:\n  - deployment.yaml\nimages:\n  - name: web-placeholder\n    newName: {Image}\n    newTag: 1.0.0\n";
        Config.Repository.Write("workloads/k/kustomization.yaml", kustomization);
        Config.Repository.Write("workloads/k/deployment.yaml", PlainDeployment("1.0.0").Replace($"{Image}:1.0.0", "web-placeholder", StringComparison.Ordinal));
        await DeployFirstAsync();
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("k"));

        AssertAllDone(await PushImageAsync("1.1.0"));

        var update = Config.RemoteLog()[0];
        Assert.Equal(kustomization.Replace("newTag: 1.0.0", "newTag: 1.1.0", StringComparison.Ordinal), Config.RemoteFile(update.Sha, "workloads/k/kustomization.yaml"));
        Assert.Equal($"{Image}:1.1.0", await LiveImageAsync("k"));
    }

    [Fact]
    public async Task Newest_build_follows_the_push_time_not_the_order_of_arrival_or_the_name()
    {
        await DeployWithStrategyAsync("newest-build", ArgocdMethod($"web={Image}"), "first");

        AssertAllDone(await PushImageAsync("zeta", pushedAt: 1));
        Assert.Equal($"{Image}:zeta", await LiveImageAsync("a"));

        AssertAllDone(await PushImageAsync("alpha", pushedAt: 2));
        Assert.Equal($"{Image}:alpha", await LiveImageAsync("a"));

        // Pushed before alpha, its event arrives late: it does not win.
        var steps = await PushImageAsync("omega", pushedAt: 0);
        AssertAllDone(steps);
        Assert.Contains("omega", Assert.Single(steps, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Equal($"{Image}:alpha", await LiveImageAsync("a"));
        Assert.Equal([$"{Image}:alpha"], (await StateAsync("a")).ImageOverrides);
    }

    [Fact]
    public async Task Alphabetical_takes_the_last_tag_in_lexical_order()
    {
        await DeployWithStrategyAsync("alphabetical", ArgocdMethod($"web={Image}"), "a-0");

        AssertAllDone(await PushImageAsync("b-2"));
        Assert.Equal($"{Image}:b-2", await LiveImageAsync("a"));

        var steps = await PushImageAsync("a-9");
        AssertAllDone(steps);
        Assert.Contains("does not win", Assert.Single(steps, s => s.Stage == "deployer").Message, StringComparison.Ordinal);
        Assert.Equal($"{Image}:b-2", await LiveImageAsync("a"));

        AssertAllDone(await PushImageAsync("c-1"));
        Assert.Equal($"{Image}:c-1", await LiveImageAsync("a"));
    }

    [Fact]
    public async Task Digest_pins_the_digest_last_pushed_for_the_followed_tag()
    {
        await DeployWithStrategyAsync("digest", ArgocdMethod($"web={Image}:stable"), "stable");

        AssertAllDone(await PushImageAsync("stable", Digest("one")));
        Assert.Equal($"{Image}:stable@{Digest("one")}", await LiveImageAsync("a"));

        var steps = await PushImageAsync("other", Digest("two"));
        AssertAllDone(steps);
        Assert.Equal($"{Image}:stable@{Digest("one")}", await LiveImageAsync("a"));

        AssertAllDone(await PushImageAsync("stable", Digest("three")));
        Assert.Equal($"{Image}:stable@{Digest("three")}", await LiveImageAsync("a"));
        Assert.Equal([$"{Image}:stable@{Digest("three")}"], (await StateAsync("a")).ImageOverrides);
    }

    [Fact]
    public async Task Digest_with_the_git_method_pins_the_digest_in_the_file_and_repins_it_on_the_next_push()
    {
        await DeployWithStrategyAsync("digest", GitMethod($"web={Image}:stable"), "stable");

        AssertAllDone(await PushImageAsync("stable", Digest("one")));
        var pinned = Config.RemoteLog()[0].Sha;
        Assert.Equal(PlainDeployment($"stable@{Digest("one")}"), Config.RemoteFile(pinned, "workloads/a/deployment.yaml"));
        Assert.Equal($"{Image}:stable@{Digest("one")}", await LiveImageAsync("a"));

        AssertAllDone(await PushImageAsync("stable", Digest("two")));

        var log = Config.RemoteLog();
        Assert.Equal(3, log.Count);
        Assert.Equal([pinned], log[0].Parents);
        Assert.Equal(PlainDeployment($"stable@{Digest("two")}"), Config.RemoteFile(log[0].Sha, "workloads/a/deployment.yaml"));
        Assert.Equal($"{Image}:stable@{Digest("two")}", await LiveImageAsync("a"));
        Assert.Equal(log[0].Sha, (await StateAsync("a")).Revision);
    }

    [Fact]
    public async Task Two_apps_of_one_monorepo_updated_by_one_push_both_land_their_commits_one_over_the_other()
    {
        Config.AddAnnotatedApp("m1", GitMethod($"web={Image}:^1.0"));
        Config.AddAnnotatedApp("m2", GitMethod($"web={Image}:^1.0"));
        Config.Repository.Write("workloads/m1/deployment.yaml", PlainDeployment("1.0.0"));
        Config.Repository.Write("workloads/m2/deployment.yaml", PlainDeployment("1.0.0"));
        var first = await DeployFirstAsync("m1", "m2");

        var steps = await PushImageAsync("1.1.0");

        AssertAllDone(steps);
        Assert.Equal(2, steps.Count(s => s.Stage == "deployer"));
        var log = Config.RemoteLog();
        Assert.Equal(3, log.Count);
        Assert.Equal([log[1].Sha], log[0].Parents);
        Assert.Equal([first], log[1].Parents);
        Assert.Equal(
            [$"build: automatic update of {Config.App("m1")}", $"build: automatic update of {Config.App("m2")}"],
            log.Take(2).Select(c => c.Message.Split('\n')[0]).Order(StringComparer.Ordinal));
        foreach (var app in new[] { "m1", "m2" })
        {
            Assert.Equal(PlainDeployment("1.1.0"), Config.RemoteFile(log[0].Sha, $"workloads/{app}/deployment.yaml"));
            Assert.Equal($"{Image}:1.1.0", await LiveImageAsync(app));
            Assert.Equal(OperationPhase.Succeeded, (await StateAsync(app)).Phase);
        }
    }

    [Fact]
    public async Task A_commit_pushed_by_someone_else_in_between_is_kept_under_the_write_back()
    {
        Config.AddAnnotatedApp("a", GitMethod($"web={Image}:^1.0"));
        Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment("1.0.0"));
        await DeployFirstAsync();
        AssertAllDone(await PushImageAsync("1.1.0"));

        // A person pushes a change of their own on top of the write-back (their clone pulled first), unseen by the deployer.
        Config.Pull();
        Config.WriteSettings("a", "changed by a person");
        var theirs = Config.Commit("a person's change");

        var steps = await PushImageAsync("1.2.0");

        AssertAllDone(steps);
        var log = Config.RemoteLog();
        Assert.Equal(4, log.Count);
        Assert.Equal([theirs], log[0].Parents);
        Assert.Equal(PlainDeployment("1.2.0"), Config.RemoteFile(log[0].Sha, "workloads/a/deployment.yaml"));
        Assert.Contains("changed by a person", Config.RemoteFile(log[0].Sha, "workloads/a/settings.yaml"), StringComparison.Ordinal);
        Assert.Equal($"{Image}:1.2.0", await LiveImageAsync("a"));
        Assert.Equal(log[0].Sha, (await StateAsync("a")).Revision);
    }

    [Fact]
    public async Task A_commit_pushed_while_the_deployer_writes_back_is_rebased_over_and_both_changes_are_deployed()
    {
        Config.AddAnnotatedApp("a", GitMethod($"web={Image}:^1.0"));
        Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment("1.0.0"));
        var first = Config.Commit("one app");
        string? theirs = null;
        var state = Directory.CreateTempSubdirectory("sdeploy-pipeline-state-").FullName;
        try
        {
            var settings = new PipelineSettings(Config.Url) { HealthTimeout = TimeSpan.FromSeconds(30) };
            var git = new GitSources(new GitSourceOptions(Path.Combine(state, "git")), TimeProvider.System);
            var sources = new GitSourceRepository(git, new NoGitCredentials());
            using var store = new SqliteStateStore(state);
            var registry = new InterleavingRegistry(() =>
            {
                // Someone else changes the very file the write-back edits, and pushes first.
                Config.Pull();
                Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment("1.0.0").Replace("replicas: 1", "replicas: 3", StringComparison.Ordinal));
                theirs = Config.Commit("three replicas");
            });
            var deployer = new Deployer(
                new ConfigRepository(sources, settings), sources, DeployerStore.Of(store), new KubeconfigClusters(cluster.KubeconfigPath),
                new ManifestRenderer(ToolPaths.FromProcess(), new ProcessRunner()), PipelineRun.Channels(_run.Notifier),
                new ImageUpdater(store, registry, new GitSourceWriter(git, new NoGitCredentials()), ImageUpdateSettings.Default), settings, TimeProvider.System, new SyncWaits(store, null));
            var deployed = await deployer.DeployAsync(new DeployRequest(Config.App("a"), DeployReason.GitPush, first, "first", DateTimeOffset.UtcNow, "tests"), null, CancellationToken.None);
            Assert.Equal(DeployOutcomeKind.Deployed, deployed.Kind);

            var pushed = new ImagePushed(Account, Region, "web", "1.1.0", Digest("1.1.0"), _epoch);
            var outcome = await deployer.DeployAsync(
                new DeployRequest(Config.App("a"), DeployReason.ImagePush, null, "image", DateTimeOffset.UtcNow, "ecr", Image: pushed), null, CancellationToken.None);

            Assert.True(outcome.Kind == DeployOutcomeKind.Deployed, outcome.Message);
            Assert.NotNull(theirs);
            var log = Config.RemoteLog();
            Assert.Equal(3, log.Count);
            Assert.Equal([theirs], log[0].Parents);
            Assert.Equal([first], log[1].Parents);
            Assert.Equal($"build: automatic update of {Config.App("a")}\n\nupdates image {Image} tag '1.0.0' to '1.1.0'\n", log[0].Message);
            Assert.Equal(PlainDeployment("1.1.0").Replace("replicas: 1", "replicas: 3", StringComparison.Ordinal), Config.RemoteFile(log[0].Sha, "workloads/a/deployment.yaml"));
            var live = await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Config.Namespace("a"));
            Assert.Equal($"{Image}:1.1.0", live.Spec.Template.Spec.Containers[0].Image);
            Assert.Equal(3, live.Spec.Replicas);
            Assert.Equal(log[0].Sha, (await store.GetAppAsync(Config.App("a"), CancellationToken.None))?.Revision);
        }
        finally
        {
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Git pack files are read-only; left to the temp folder's cleaner.
            }
        }
    }

    [Fact]
    public async Task An_invalid_update_strategy_is_named_and_nothing_is_deployed_or_committed()
    {
        await DeployWithStrategyAsync("fastest", GitMethod($"web={Image}"), "1.0.0");
        var key = ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.UpdateStrategy);
        var history = (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count;

        var steps = await PushImageAsync("1.1.0");

        AssertAllDone(steps);
        var deployer = Assert.Single(steps, s => s.Stage == "deployer");
        Assert.Contains(key, deployer.Message, StringComparison.Ordinal);
        var state = await StateAsync("a");
        Assert.Contains(key, state.Message, StringComparison.Ordinal);
        Assert.Equal(OperationPhase.Succeeded, state.Phase);
        Assert.Single(Config.RemoteLog());
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("a"));
        Assert.Equal(history, (await Store.HistoryAsync(Config.App("a"), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_push_to_a_repository_no_app_lists_is_handled_by_the_router_and_sends_nothing()
    {
        Config.AddAnnotatedApp("a", GitMethod($"web={Image}"));
        Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment("1.0.0"));
        await DeployFirstAsync();

        await _run.Local.Pipeline.SubmitAsync(LocalEvents.EcrPush(Account, Region, "nobody-lists-this", "1.1.0", Digest("x"), DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);

        var router = Assert.Single(steps);
        Assert.Equal("router", router.Stage);
        Assert.True(router.Done, router.Message);
        Assert.Contains($"no app's {ImageUpdaterAnnotations.ImageList} names {Account}.dkr.ecr.{Region}.amazonaws.com/nobody-lists-this", router.Message, StringComparison.Ordinal);
        Assert.Equal(0, _run.Local.Pipeline.Queues.Deploy.Count);
        Assert.Single(Config.RemoteLog());
        Assert.Equal($"{Image}:1.0.0", await LiveImageAsync("a"));
    }

    public void Dispose() => _run.Dispose();

    /// <summary>A tiny chart under workloads/&lt;shortName&gt;: its Deployment runs image.repository:image.tag of values.yaml.</summary>
    private void WriteChart(string shortName)
    {
        Config.Repository.Write($"workloads/{shortName}/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
        Config.Repository.Write($"workloads/{shortName}/values.yaml", HelmValues);
        Config.Repository.Write($"workloads/{shortName}/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: {{ .Values.replicas }}
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
                      image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                      imagePullPolicy: {{ .Values.image.pullPolicy }}
            """);
    }

    /// <summary>A plain-YAML Deployment with comments, flow style and an inline comment on the image line, to see them kept.</summary>
    private static string PlainDeployment(string tag) => $"""
        # The web front end; its image follows ECR.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {"{"}app: web, tier: front{"}"}
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
                  image: {Image}:{tag}   # updated by the image updater
                  ports:
                    - containerPort: 8080

        """;

    private static Dictionary<string, string> GitMethod(string imageList) => new()
    {
        [ImageUpdaterAnnotations.ImageList] = imageList,
        [ImageUpdaterAnnotations.WriteBackMethod] = "git",
    };

    /// <summary>The default write-back: the chosen image is kept as an override of the app, nothing is committed.</summary>
    private static Dictionary<string, string> ArgocdMethod(string imageList) => new()
    {
        [ImageUpdaterAnnotations.ImageList] = imageList,
    };

    private static string Digest(string seed) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));

    /// <summary>Every step done, and the branch one write-back commit ahead of <paramref name="first"/>: that commit.</summary>
    private RemoteCommit OneWriteBackOn(string first, IReadOnlyList<PipelineStep> steps)
    {
        AssertAllDone(steps);
        var log = Config.RemoteLog();
        Assert.Equal(2, log.Count);
        Assert.Equal([first], log[0].Parents);
        return log[0];
    }

    private static void AssertAllDone(IReadOnlyList<PipelineStep> steps) =>
        Assert.All(steps, s => Assert.True(s.Done, $"{s.Stage}: {s.Message}"));

    /// <summary>Commits what the test wrote and sends its CodeCommit push: every app deploys and succeeds.</summary>
    private async Task<string> DeployFirstAsync(params string[] apps)
    {
        var commit = Config.Commit("apps and workloads");
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.CodeCommitPush(Config.Name, "main", null, commit, DateTimeOffset.UtcNow), CancellationToken.None);
        var steps = await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
        AssertAllDone(steps);
        foreach (var app in apps.Length == 0 ? ["a", "k", "h"] : apps)
        {
            if (await Store.GetAppAsync(Config.App(app), CancellationToken.None) is { } state)
            {
                Assert.True(state.Phase == OperationPhase.Succeeded, $"{app}: {state.Phase} {state.Message}");
                Assert.Equal(commit, state.Revision);
            }
        }

        Assert.NotEmpty(await Store.ListAppsAsync(CancellationToken.None));
        return commit;
    }

    /// <summary>
    /// The setup of every update-strategy test: app "a" with these annotations and the web alias's update strategy,
    /// its plain Deployment at <paramref name="tag"/>, deployed by a first push.
    /// </summary>
    private async Task DeployWithStrategyAsync(string strategy, Dictionary<string, string> annotations, string tag)
    {
        annotations[ImageUpdaterAnnotations.ForAlias("web", ImageUpdaterAnnotations.UpdateStrategy)] = strategy;
        Config.AddAnnotatedApp("a", annotations);
        Config.Repository.Write("workloads/a/deployment.yaml", PlainDeployment(tag));
        await DeployFirstAsync();
    }

    /// <summary>One ECR push of the web image; its push time is <paramref name="pushedAt"/> seconds after the epoch, or the next second after the last one.</summary>
    private async Task<IReadOnlyList<PipelineStep>> PushImageAsync(string tag, string? digest = null, int? pushedAt = null)
    {
        _pushes++;
        var time = _epoch + TimeSpan.FromSeconds(pushedAt ?? (100 + _pushes));
        await _run.Local.Pipeline.SubmitAsync(LocalEvents.EcrPush(Account, Region, "web", tag, digest ?? Digest(tag), time), CancellationToken.None);
        return await _run.Local.Pipeline.RunAsync(MaxWait, CancellationToken.None);
    }

    private async Task<AppState> StateAsync(string shortName) =>
        await Store.GetAppAsync(Config.App(shortName), CancellationToken.None) ?? throw new InvalidOperationException($"no state for {shortName}");

    private async Task<string> LiveImageAsync(string shortName) =>
        (await cluster.Client.AppsV1.ReadNamespacedDeploymentAsync("web", Config.Namespace(shortName))).Spec.Template.Spec.Containers[0].Image;
}
