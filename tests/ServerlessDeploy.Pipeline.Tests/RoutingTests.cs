using LibGit2Sharp;
using ServerlessDeploy.Git;
using ServerlessDeploy.Git.Sources;
using ServerlessDeploy.Local.Clusters;
using ServerlessDeploy.Local.Events;
using ServerlessDeploy.Local.Hosting;
using ServerlessDeploy.Local.Queues;
using ServerlessDeploy.Local.Repositories;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.Pipeline.Config;
using ServerlessDeploy.Pipeline.Deploying;
using ServerlessDeploy.Pipeline.Handling;
using ServerlessDeploy.Pipeline.Routing;
using ServerlessDeploy.Testing.Pipelines;

namespace ServerlessDeploy.Pipeline.Tests;

/// <summary>The router's choice of apps, seen on the deploy FIFO queue it sends to. No cluster involved.</summary>
public sealed class RoutingTests : IDisposable
{
    private readonly ConfigRepo _config = ConfigRepo.Create();
    private readonly string _cache = Directory.CreateTempSubdirectory("sdeploy-pipeline-git-").FullName;
    private readonly InMemoryQueue _deployQueue = new("deploy.fifo", true, TimeProvider.System, TimeSpan.FromMinutes(15));
    private readonly SqliteStateStore _store;
    private readonly RouterHandler _router;

    public RoutingTests()
    {
        var settings = new PipelineSettings(_config.Url);
        var sources = new GitSourceRepository(new GitSources(new GitSourceOptions(_cache), TimeProvider.System), new NoGitCredentials());
        _store = new SqliteStateStore(Path.Combine(_cache, "state"));
        _router = new RouterHandler(new Router(new ConfigRepository(sources, settings), sources, settings, _deployQueue, _store, TimeProvider.System));
    }

    [Fact]
    public async Task A_monorepo_push_changing_only_one_apps_folder_concerns_only_that_app()
    {
        _config.AddApp("a").AddApp("b");
        var first = _config.Commit("two apps");
        _config.WriteSettings("a", "changed");
        var second = _config.Commit("a changes");

        var result = await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", first, second, DateTimeOffset.UtcNow));

        Assert.True(result.Done, result.Message);
        var request = Assert.Single(Requests());
        Assert.Equal(_config.App("a"), request.App);
        Assert.Equal(second, request.Revision);
        Assert.Equal(DeployReason.GitPush, request.Reason);
    }

    [Fact]
    public async Task A_garbled_Application_file_in_apps_is_reported_by_name_and_the_other_apps_are_still_routed()
    {
        _config.AddApp("a").AddApp("b");
        _config.Repository.Write("apps/broken.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: broken\nspec: [\n");
        var first = _config.Commit("two apps and a garbled one");

        var result = await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", null, first, DateTimeOffset.UtcNow));

        Assert.True(result.Done, result.Message);
        Assert.Equal([_config.App("a"), _config.App("b")], Requests().Select(r => r.App).Order(StringComparer.Ordinal));
        Assert.All(Requests(), r => Assert.Equal(first, r.Revision));
        Assert.Contains($"config {first[..7]}: apps/broken.yaml: invalid YAML at ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_overtaken_by_a_later_push_is_sent_at_the_branch_tip_for_the_apps_its_own_range_changed()
    {
        _config.AddApp("a").AddApp("b");
        var first = _config.Commit("two apps");
        var second = _config.WriteSettings("a", "changed").Commit("a changes");
        var third = _config.WriteSettings("b", "changed").Commit("b changes");

        var result = await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", first, second, DateTimeOffset.UtcNow));

        Assert.True(result.Done, result.Message);
        var request = Assert.Single(Requests());
        Assert.Equal(_config.App("a"), request.App);
        Assert.Equal(third, request.Revision);
    }

    [Fact]
    public async Task The_events_of_two_pushes_routed_after_both_landed_send_each_app_once_at_the_tip()
    {
        _config.AddApp("a");
        var first = _config.Commit("one app");
        var second = _config.WriteSettings("a", "changed").Commit("a changes");
        var third = _config.WriteSettings("a", "changed again").Commit("a changes again");

        await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", first, second, DateTimeOffset.UtcNow));
        await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", second, third, DateTimeOffset.UtcNow));

        Assert.Equal(1, _deployQueue.Count);
        Assert.Equal(third, Assert.Single(Requests()).Revision);
    }

    [Fact]
    public async Task A_force_push_concerns_every_app_of_the_repository_and_a_late_event_of_the_replaced_push_none()
    {
        _config.AddApp("a").AddApp("b");
        var first = _config.Commit("two apps");
        _config.WriteSettings("a", "changed");
        var replaced = _config.Commit("a changes (to be replaced)");

        // Rewrite history: back to the first commit, a different change to a, pushed with force.
        using (var work = new Repository(_config.Repository.WorkPath))
        {
            work.Reset(ResetMode.Hard, work.Lookup<Commit>(first));
            File.WriteAllText(Path.Combine(_config.Repository.WorkPath, "workloads", "a", "settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: rewritten\n");
            Commands.Stage(work, "*");
            var signature = new Signature("tests", "tests@serverless-deploy.local", DateTimeOffset.UtcNow);
            var rewritten = work.Commit("a changes (rewritten)", signature, signature);
            work.Network.Push(work.Network.Remotes["origin"], "+refs/heads/main:refs/heads/main");

            var result = await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", replaced, rewritten.Sha, DateTimeOffset.UtcNow));
            var late = await RouteAsync(LocalEvents.CodeCommitPush(_config.Name, "main", first, replaced, DateTimeOffset.UtcNow));

            Assert.True(result.Done, result.Message);
            Assert.Equal([_config.App("a"), _config.App("b")], Requests().Select(r => r.App).Order(StringComparer.Ordinal));
            Assert.All(Requests(), r => Assert.Equal(rewritten.Sha, r.Revision));
            Assert.True(late.Done, late.Message);
            Assert.Contains($"{replaced[..7]} is no longer on the branch", late.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_push_to_an_unknown_repository_concerns_no_app()
    {
        _config.AddApp("a");
        var first = _config.Commit("one app");

        var result = await RouteAsync(LocalEvents.CodeCommitPush("some-other-repository", "main", null, first, DateTimeOffset.UtcNow));

        Assert.True(result.Done, result.Message);
        Assert.Contains("no app", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, _deployQueue.Count);
    }

    [Fact]
    public async Task A_push_to_a_feature_branch_does_not_route_a_HEAD_app_even_when_its_commit_is_on_the_default_branch()
    {
        using var workloads = Workloads();
        var (first, _) = HeadAppOf(workloads);
        PushBranch(workloads, "feature", first);

        var result = await RouteAsync(LocalEvents.CodeCommitPush(workloads.Name, "feature", null, first, DateTimeOffset.UtcNow));

        Assert.True(result.Done, result.Message);
        Assert.Equal(0, _deployQueue.Count);
    }

    [Fact]
    public async Task A_push_to_the_default_branch_routes_a_HEAD_app_at_the_branch_tip()
    {
        using var workloads = Workloads();
        var (first, second) = HeadAppOf(workloads);

        var result = await RouteAsync(LocalEvents.CodeCommitPush(workloads.Name, "main", first, second, DateTimeOffset.UtcNow));

        AssertOneRequest(result, _config.App("w"), second);
    }

    [Fact]
    public async Task A_HEAD_app_of_a_repository_whose_default_branch_is_trunk_is_routed_by_pushes_to_trunk_not_main()
    {
        using var workloads = Workloads();
        var (first, second) = HeadAppOf(workloads);
        PushBranch(workloads, "trunk", second);
        PushBranch(workloads, "main", first);
        File.WriteAllText(Path.Combine(workloads.BarePath, "HEAD"), "ref: refs/heads/trunk\n");

        var toMain = await RouteAsync(LocalEvents.CodeCommitPush(workloads.Name, "main", null, first, DateTimeOffset.UtcNow));
        Assert.True(toMain.Done, toMain.Message);
        Assert.Equal(0, _deployQueue.Count);

        var toTrunk = await RouteAsync(LocalEvents.CodeCommitPush(workloads.Name, "trunk", first, second, DateTimeOffset.UtcNow));

        AssertOneRequest(toTrunk, _config.App("w"), second);
    }

    [Fact]
    public async Task A_HEAD_app_of_a_remote_that_names_no_default_branch_is_judged_by_HEADs_tip()
    {
        using var workloads = Workloads();
        var (first, second) = HeadAppOf(workloads);
        // A detached HEAD names no branch: the push counts when HEAD's tip holds it.
        File.WriteAllText(Path.Combine(workloads.BarePath, "HEAD"), second + "\n");

        var result = await RouteAsync(LocalEvents.CodeCommitPush(workloads.Name, "main", first, second, DateTimeOffset.UtcNow));

        AssertOneRequest(result, _config.App("w"), second);
    }

    [Fact]
    public async Task An_ecr_image_push_concerns_only_the_app_whose_image_list_names_the_image()
    {
        _config.AddApp("a", imageList: "web=123456789012.dkr.ecr.us-west-2.amazonaws.com/guestbook:~1.4")
            .AddApp("b", imageList: "123456789012.dkr.ecr.us-west-2.amazonaws.com/other")
            .AddApp("c", imageList: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/guestbook")
            .AddApp("d");
        _config.Commit("four apps");
        var body = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "events", "ecr-image-push.json"));

        var result = await RouteAsync(body);

        Assert.True(result.Done, result.Message);
        var request = Assert.Single(Requests());
        Assert.Equal(_config.App("a"), request.App);
        Assert.Equal(DeployReason.ImagePush, request.Reason);
        Assert.Equal("v1.4.2", request.Image?.Tag);
    }

    [Fact]
    public async Task The_same_push_event_routed_twice_puts_one_message_on_the_deploy_queue()
    {
        _config.AddApp("a");
        var first = _config.Commit("one app");
        var body = LocalEvents.CodeCommitPush(_config.Name, "main", null, first, DateTimeOffset.UtcNow);

        var once = await RouteAsync(body);
        var twice = await RouteAsync(body);

        Assert.True(once.Done, once.Message);
        Assert.True(twice.Done, twice.Message);
        Assert.Equal(1, _deployQueue.Count);
        Assert.Equal(_config.App("a"), Assert.Single(Requests()).App);
    }

    [Fact]
    public async Task A_push_whose_commit_id_names_no_commit_is_done_with_its_reason_and_queues_nothing()
    {
        _config.AddApp("a");
        _config.Commit("one app");
        var body = LocalEvents.CodeCommitPush(_config.Name, "main", null, "3e5983DESTINATION", DateTimeOffset.UtcNow);

        var result = await RouteAsync(body);

        Assert.True(result.Done, result.Message);
        Assert.True(result.Warning);
        Assert.Equal(
            $"rejected, not retried: CodeCommit push to {_config.Name} branch main: 'detail.commitId' is not a commit id (40 lowercase hex digits): '3e5983DESTINATION'.",
            result.Message);
        Assert.Equal(0, _deployQueue.Count);
    }

    [Fact]
    public async Task A_malformed_intake_message_ends_in_the_dead_letter_queue_after_five_receives_with_its_last_error()
    {
        _config.AddApp("a");
        _config.Commit("one app");
        var state = Directory.CreateTempSubdirectory("sdeploy-pipeline-state-").FullName;
        var queues = LocalQueues.Create(TimeProvider.System, visibilityTimeout: TimeSpan.FromMilliseconds(50));
        using var deployer = LocalDeployer.Create(
            new PipelineSettings(_config.Url), new KubeconfigClusters(Path.Combine(state, "no-kubeconfig")), state, PipelineRun.Channels(new RecordingNotifier()), queues);
        try
        {
            await deployer.Pipeline.SubmitAsync("{\"this is\": not json", CancellationToken.None);

            var steps = await deployer.Pipeline.RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None);

            var routerSteps = steps.Where(s => s.Stage == "router").ToList();
            Assert.Equal(5, routerSteps.Count);
            Assert.All(routerSteps, s => Assert.False(s.Done));
            Assert.Single(routerSteps.Select(s => s.MessageId).Distinct());
            Assert.Equal(0, queues.Intake.Count);
            Assert.Equal(1, queues.IntakeDeadLetter.Count);
            Assert.Equal("{\"this is\": not json", Assert.Single(queues.IntakeDeadLetter.Bodies()));
            Assert.Equal(0, queues.Deploy.Count);
            var failure = await deployer.Store.GetDeliveryFailureAsync(routerSteps[0].MessageId, CancellationToken.None);
            Assert.NotNull(failure);
            Assert.Equal(5, failure.ReceiveCount);
            Assert.Equal("intake", failure.Queue);
            Assert.Contains("malformed", failure.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    public void Dispose()
    {
        _config.Dispose();
        _store.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private Task<MessageResult> RouteAsync(string body) =>
        _router.HandleAsync(new ReceivedMessage(Guid.NewGuid().ToString(), body, 1, Guid.NewGuid().ToString()), null, CancellationToken.None);

    private List<DeployRequest> Requests() => _deployQueue.Bodies().Select(DeployRequestJson.Deserialize).ToList();

    /// <summary>An app repository beside the config repository, default branch main, with the app's files under w/.</summary>
    private LocalGitRepository Workloads() =>
        LocalGitRepository.Create(_config.Folder, _config.Prefix + "-workloads").Write("w/settings.yaml", ConfigRepo.SettingsManifest("hello"));

    /// <summary>Two pushed commits on main of <paramref name="workloads"/>, the second changing w/, and an app of w/ at its HEAD.</summary>
    private (string First, string Second) HeadAppOf(LocalGitRepository workloads)
    {
        var first = workloads.CommitAndPush("w", DateTimeOffset.UtcNow);
        var second = workloads.Write("w/settings.yaml", ConfigRepo.SettingsManifest("changed")).CommitAndPush("w changes", DateTimeOffset.UtcNow);
        _config.AddAppOf("w", workloads.BarePath, "HEAD").Commit("an app at HEAD of another repository");
        return (first, second);
    }

    private void AssertOneRequest(MessageResult result, string app, string revision)
    {
        Assert.True(result.Done, result.Message);
        var request = Assert.Single(Requests());
        Assert.Equal(app, request.App);
        Assert.Equal(revision, request.Revision);
    }

    /// <summary>Sets the remote's <paramref name="branch"/> to <paramref name="sha"/>, forced (through a local branch of its own: main is checked out).</summary>
    private static void PushBranch(LocalGitRepository repository, string branch, string sha)
    {
        using var work = new Repository(repository.WorkPath);
        var local = work.Branches.Add("to-" + branch, sha, allowOverwrite: true);
        work.Network.Push(work.Network.Remotes["origin"], $"+{local.CanonicalName}:refs/heads/{branch}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ServerlessDeploy.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ServerlessDeploy.sln not found above " + AppContext.BaseDirectory);
    }
}
