using ServerlessDeploy.Cli.Commands.Events;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Notifications;
using ServerlessDeploy.Local.Repositories;
using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.State;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Kubernetes;
using k8s;
using k8s.Models;

namespace ServerlessDeploy.Cli.Commands.Demo;

/// <summary>The demo's steps, each printed with what happened and how long it took, and checked; commits and events are stamped by the given clock.</summary>
internal sealed class DemoRun : IAsyncDisposable
{
    private const string Edited = "guestbook";
    private readonly LocalApiServer _server;
    private readonly LocalGitRepository _repository;
    private readonly LocalDeployer _deployer;
    private readonly k8s.Kubernetes _client;
    private readonly KubernetesCluster _cluster;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly List<string> _failures = [];

    private DemoRun(LocalApiServer server, LocalGitRepository repository, LocalDeployer deployer, k8s.Kubernetes client, TextWriter output, TimeProvider time, string workspace)
    {
        StateFolder = Path.Combine(workspace, "state");
        Kubeconfig = Path.Combine(workspace, "kubeconfig");
        _server = server;
        _repository = repository;
        _deployer = deployer;
        _client = client;
        _cluster = new KubernetesCluster(client);
        _output = output;
        _time = time;
    }

    public static async Task<DemoRun> StartAsync(string examples, string workspace, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        var server = await LocalApiServer.StartAsync(new LocalClusterOptions(), cancellationToken: cancellationToken);
        var kubeconfig = Path.Combine(workspace, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig, cancellationToken: cancellationToken);
        await output.WriteLineAsync($"local API server on {server.Url}; workspace {workspace}");
        var repository = LocalGitRepository.Create(workspace, "gitops-config")
            .CopyFrom(Path.Combine(examples, "apps"), "apps")
            .CopyFrom(Path.Combine(examples, "projects"), "projects")
            .CopyFrom(Path.Combine(examples, "workloads"), "workloads");
        var settings = new PipelineSettings(repository.BarePath) { HealthTimeout = TimeSpan.FromSeconds(60) };
        var deployer = LocalDeployer.Create(settings, new KubeconfigClusters(kubeconfig), Path.Combine(workspace, "state"), new CompositeNotifier([new NotificationChannel("console", new ConsoleNotifier(output))]));
        var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        return new DemoRun(server, repository, deployer, client, output, time, workspace);
    }

    /// <summary>The demo's state folder, as `sdeploy ui --state` takes it.</summary>
    public string StateFolder { get; }

    /// <summary>The kubeconfig of the demo's local API server, as `sdeploy ui --kubeconfig` takes it.</summary>
    public string Kubeconfig { get; }

    public Uri ServerUrl => _server.Url;

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var first = _repository.CommitAndPush("Add the example applications", _time.GetUtcNow());
        await StepAsync("1. first push: every app is deployed", LocalEvents.CodeCommitPush(_repository.Name, "main", null, first, _time.GetUtcNow()), cancellationToken);
        var apps = await _deployer.Store.ListAppsAsync(cancellationToken);
        var expected = Directory.GetFiles(Path.Combine(_repository.WorkPath, "apps"), "*.yaml").Length;
        Expect(apps.Count == expected && apps.All(a => a.Phase == OperationPhase.Succeeded && a.Revision == first), $"the {expected} apps are deployed at the first commit");

        var settings = _repository.Read("workloads/guestbook/settings.yaml");
        _repository.Write("workloads/guestbook/settings.yaml", settings.Replace("Hello", "Hello again", StringComparison.Ordinal));
        var second = _repository.CommitAndPush("guestbook: a new greeting", _time.GetUtcNow());
        await StepAsync("2. second push changes guestbook only", LocalEvents.CodeCommitPush(_repository.Name, "main", first, second, _time.GetUtcNow()), cancellationToken);
        Expect((await _deployer.Store.GetAppAsync(Edited, cancellationToken))?.Revision == second, "guestbook is deployed at the second commit");
        Expect((await _deployer.Store.GetAppAsync("podinfo", cancellationToken))?.Revision == first, "podinfo stays at the first commit (its path did not change)");

        await Section("3. someone scales guestbook-ui by hand (2 -> 5 replicas)");
        await _client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("{\"spec\":{\"replicas\":5}}", V1Patch.PatchType.MergePatch), "guestbook-ui", "demo-guestbook", cancellationToken: cancellationToken);
        await StepAsync("   the reconcile tick finds the drift and heals it", LocalEvents.ReconcileTick(_time.GetUtcNow()), cancellationToken);
        var healed = await _client.AppsV1.ReadNamespacedDeploymentAsync("guestbook-ui", "demo-guestbook", cancellationToken: cancellationToken);
        Expect(healed.Spec.Replicas == 2, "guestbook-ui is back to 2 replicas");
        // As Argo CD's auto-sync: the second commit renders podinfo as it is live, so the tick records it and syncs nothing.
        var untouched = await _deployer.Store.GetAppAsync("podinfo", cancellationToken);
        Expect(untouched is { SyncStatus: SyncStatusCode.Synced } && untouched.Revision == first && untouched.ComparedRevision == second
            && (await _deployer.Store.HistoryAsync("podinfo", cancellationToken)).Count == 1, "podinfo is Synced at the second commit without a sync of it");

        _repository.Write("workloads/guestbook/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: [this is not: valid\n");
        var broken = _repository.CommitAndPush("guestbook: a broken commit", _time.GetUtcNow());
        await StepAsync("4. a broken commit fails loudly and changes nothing", LocalEvents.CodeCommitPush(_repository.Name, "main", second, broken, _time.GetUtcNow()), cancellationToken);
        var afterBroken = await _deployer.Store.GetAppAsync(Edited, cancellationToken);
        Expect(afterBroken is { Phase: OperationPhase.Failed } && afterBroken.Revision == second, "guestbook's sync failed and it stays at the last good commit");
        var stillThere = await _client.CoreV1.ReadNamespacedConfigMapAsync("guestbook-settings", "demo-guestbook", cancellationToken: cancellationToken);
        Expect(stillThere is not null, "nothing was pruned: guestbook-settings is still there");

        const string ShopImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-web";
        await StepAsync("5. ECR push of shop-web 1.4.2: the image updater writes it back to Git and deploys it",
            LocalEvents.EcrPush("123456789012", "us-east-1", "shop-web", "1.4.2", "sha256:" + new string('2', 64), _time.GetUtcNow()), cancellationToken);
        var (writeBack, message) = _repository.RemoteMain();
        var shop = await _client.AppsV1.ReadNamespacedDeploymentAsync("shop-web", "demo-shop", cancellationToken: cancellationToken);
        Expect(message.StartsWith("build: automatic update of shop", StringComparison.Ordinal), $"one write-back commit {writeBack[..7]}: {message.Split('\n')[0]}");
        Expect(_repository.RemoteFile("workloads/shop/deployment.yaml").Contains($"image: {ShopImage}:1.4.2  # written back on every winning push", StringComparison.Ordinal), "the image line changed in place, its comment kept");
        Expect(shop.Spec.Template.Spec.Containers[0].Image == $"{ShopImage}:1.4.2", "shop-web runs 1.4.2");
        var historyBefore = (await _deployer.Store.HistoryAsync("shop", cancellationToken)).Count;
        await StepAsync("   the write-back commit's own push event", LocalEvents.CodeCommitPush(_repository.Name, "main", broken, writeBack, _time.GetUtcNow()), cancellationToken);
        Expect((await _deployer.Store.HistoryAsync("shop", cancellationToken)).Count == historyBefore, "shop is not deployed twice for its own commit");

        await StepAsync("6. ECR push of shop-web 1.4.1: it does not win against 1.4.2, nothing changes",
            LocalEvents.EcrPush("123456789012", "us-east-1", "shop-web", "1.4.1", "sha256:" + new string('1', 64), _time.GetUtcNow()), cancellationToken);
        Expect(_repository.RemoteMain().Sha == writeBack, "no new commit");

        await CanaryAsync(cancellationToken);

        await Section("status");
        await _output.WriteAsync(await StatusReport.AppsAsync(_deployer.Store, cancellationToken));
        await Section($"history of {Edited}");
        await _output.WriteAsync(await StatusReport.HistoryAsync(_deployer.Store, Edited, cancellationToken));
        await Section(_failures.Count == 0 ? "demo finished: every step did what it should" : $"demo FAILED: {string.Join("; ", _failures)}");
        return _failures.Count == 0;
    }

    /// <summary>The canary app's Rollout, driven with no controller: a push starts it, a promotion finishes it, a broken image is aborted.</summary>
    private async Task CanaryAsync(CancellationToken cancellationToken)
    {
        var before = _repository.Pull().RemoteMain().Sha;
        var stable = await RolloutStatusAsync("stableRS", cancellationToken);
        _repository.Write(CanaryManifest, _repository.Read(CanaryManifest).Replace("image: nginx:1.27", "image: nginx:1.28", StringComparison.Ordinal));
        var started = _repository.CommitAndPush("canary: nginx 1.28", _time.GetUtcNow());
        await StepAsync("7. a push of canary's nginx 1.28 starts a canary: 25 %, then a pause for a person", LocalEvents.CodeCommitPush(_repository.Name, "main", before, started, _time.GetUtcNow()), cancellationToken);
        var canary = await RolloutStatusAsync("currentPodHash", cancellationToken);
        Expect(await RolloutStatusAsync("phase", cancellationToken) == "Paused" && await RolloutStatusAsync("currentStepIndex", cancellationToken) == "1", "the Rollout is Paused at step 1 of 4");
        Expect(await ReplicasAsync(canary, cancellationToken) == 1 && await ReplicasAsync(stable, cancellationToken) == 3, "1 pod of nginx 1.28 beside 3 of the stable 1.27");
        Expect((await _deployer.Store.GetAppAsync("canary", cancellationToken))?.Health == HealthCode.Suspended, "the canary app is Suspended, its sync succeeded");

        await Section("8. sdeploy rollouts promote web -n demo-canary: 50 %, 10 s, then all");
        var promoted = _time.GetTimestamp();
        var acted = await new RolloutActor(_cluster, _time).ActAsync(CanaryNamespace, "web", RolloutVerb.Promote, TimeSpan.Zero, cancellationToken);
        await _output.WriteLineAsync(Rollouts.RolloutDriveReport.Acted("web", RolloutVerb.Promote, TimeSpan.Zero, acted));
        var done = await new RolloutDriver(_cluster, _time).DriveAsync(CanaryNamespace, "web", RolloutDriveLimits.Until(_time.GetUtcNow() + TimeSpan.FromMinutes(2)), cancellationToken);
        await _output.WriteAsync(Rollouts.RolloutDriveReport.Render(done));

        await _output.WriteLineAsync($"  took {_time.GetElapsedTime(promoted).TotalSeconds:0.0} s");
        Expect(done.End == RolloutDriveEnd.Healthy && await RolloutStatusAsync("stableRS", cancellationToken) == canary, "the canary completed: nginx 1.28 is the stable revision");
        Expect(await ReplicasAsync(canary, cancellationToken) == 4 && await ReplicasAsync(stable, cancellationToken) == 0, "4 pods of nginx 1.28, none of 1.27");

        _repository.Write(CanaryManifest, _repository.Read(CanaryManifest).Replace("image: nginx:1.28", "image: nginx:fail-1.29", StringComparison.Ordinal));
        var broken = _repository.CommitAndPush("canary: an image that never starts", _time.GetUtcNow());
        await StepAsync("9. a push of an image that never becomes available: aborted at its 15 s progress deadline", LocalEvents.CodeCommitPush(_repository.Name, "main", started, broken, _time.GetUtcNow()), cancellationToken);
        var app = await _deployer.Store.GetAppAsync("canary", cancellationToken);
        Expect(await RolloutStatusAsync("abort", cancellationToken) == "true" && (await RolloutStatusAsync("message", cancellationToken)).StartsWith("RolloutAborted", StringComparison.Ordinal), "the Rollout is aborted: " + await RolloutStatusAsync("message", cancellationToken));
        Expect(await ReplicasAsync(canary, cancellationToken) == 4 && await SelectorHashAsync("web-canary", cancellationToken) == canary, "nginx 1.28 still serves on 4 pods, and web-canary points back at it");
        Expect(app is { Phase: OperationPhase.Failed, Health: HealthCode.Degraded }, "the canary app is Degraded while Git names the broken image");
    }

    private const string CanaryManifest = "workloads/canary/rollout.yaml";
    private const string CanaryNamespace = "demo-canary";

    private async Task<string> RolloutStatusAsync(string field, CancellationToken cancellationToken)
    {
        var rollout = await _cluster.GetAsync(await RolloutTypeAsync(cancellationToken), CanaryNamespace, "web", cancellationToken);
        return rollout.Body?["status"]?[field]?.ToString() ?? "";
    }

    private async Task<ClusterResourceType> RolloutTypeAsync(CancellationToken cancellationToken) =>
        (await _cluster.FindTypeAsync("argoproj.io/v1alpha1", "Rollout", cancellationToken)).Type
            ?? throw new InvalidOperationException("the local API server serves no Rollout kind after the canary app's sync");

    private async Task<int> ReplicasAsync(string hash, CancellationToken cancellationToken) =>
        (await _client.AppsV1.ReadNamespacedReplicaSetAsync($"web-{hash}", CanaryNamespace, cancellationToken: cancellationToken)).Spec.Replicas ?? 0;

    private async Task<string> SelectorHashAsync(string service, CancellationToken cancellationToken) =>
        (await _client.CoreV1.ReadNamespacedServiceAsync(service, CanaryNamespace, cancellationToken: cancellationToken)).Spec.Selector.TryGetValue("rollouts-pod-template-hash", out var hash) ? hash : "";

    private async Task StepAsync(string title, string eventBody, CancellationToken cancellationToken)
    {
        await Section(title);
        var started = _time.GetTimestamp();
        await _deployer.Pipeline.SubmitAsync(eventBody, cancellationToken);
        IReadOnlyList<PipelineStep> steps = await _deployer.Pipeline.RunAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await _output.WriteAsync(StatusReport.Steps(steps));
        await _output.WriteLineAsync($"  took {_time.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private Task Section(string title) => _output.WriteLineAsync($"\n== {title}");

    private void Expect(bool condition, string what)
    {
        _output.WriteLine($"  {(condition ? "ok" : "FAILED")}: {what}");
        if (!condition)
        {
            _failures.Add(what);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _deployer.Dispose();
        _repository.Dispose();
        await _server.DisposeAsync();
    }
}
