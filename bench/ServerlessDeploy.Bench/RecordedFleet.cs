using System.Globalization;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Bench;

/// <summary>
/// A local state folder holding N apps as the deployer records them (a dozen resources each, a full Application manifest,
/// the revision's author and message, stage timestamps) and, as one of the N, an app of 1,000 resources with its history.
/// </summary>
internal sealed class RecordedFleet : IDisposable
{
    public const string BigApp = "bench";

    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private RecordedFleet(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<RecordedFleet> SeedAsync(int apps, int bigAppResources, CancellationToken cancellationToken)
    {
        var fleet = new RecordedFleet(Directory.CreateTempSubdirectory($"sdeploy-bench-state-{apps}-").FullName);
        using var store = new SqliteStateStore(fleet.Folder);
        await store.PutAppAsync(App(BigApp, 0, bigAppResources), cancellationToken);
        for (var i = 1; i < apps; i++)
        {
            await store.PutAppAsync(App($"app-{i:D4}", i, 12), cancellationToken);
        }

        for (var i = 0; i < IStateWrites.HistoryLimit; i++)
        {
            await store.AppendHistoryAsync(BigApp, History(i), cancellationToken);
        }

        return fleet;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static AppState App(string name, int index, int resources)
    {
        var revision = Convert.ToHexStringLower(BitConverter.GetBytes((long)index * 7919)).PadRight(40, 'a');
        var failed = index % 10 == 3;
        return AppState.New(name) with
        {
            Revision = revision,
            SyncStatus = failed ? SyncStatusCode.OutOfSync : SyncStatusCode.Synced,
            Health = failed ? HealthCode.Degraded : HealthCode.Healthy,
            Phase = failed ? OperationPhase.Failed : OperationPhase.Succeeded,
            StartedAt = Noon.AddMinutes(-index),
            FinishedAt = Noon.AddMinutes(-index).AddSeconds(4),
            Message = failed ? "one or more objects failed to apply, reason: Deployment.apps \"web\" is invalid" : "successfully synced (all tasks run)",
            Images = [$"registry.example.com/team-{index % 12}/web:1.{index % 40}.0", "registry.example.com/shared/sidecar:2.1.0"],
            Resources = [.. Enumerable.Range(0, resources).Select(Resource)],
            Manifest = Manifest(name, index),
            RevisionInfo = new RevisionInfo("Ada Lovelace <ada@example.com>", $"web: release 1.{index % 40}.0\n\nRaises the worker's memory limit."),
            Stages = new OperationStages(Noon.AddSeconds(-3), Noon.AddSeconds(-2), Noon.AddSeconds(-1), Noon, Noon.AddSeconds(4),
                [new StepStage("Sync/0 apply", Noon, Noon.AddSeconds(1)), new StepStage("Sync/0 health", Noon.AddSeconds(1), Noon.AddSeconds(4))]),
        };
    }

    private static ResourceState Resource(int i) => (i % 3) switch
    {
        0 => new ResourceState("apps", "Deployment", "bench", $"app-{i}", SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, $"deployment.apps/app-{i} configured", HealthCode.Healthy, "Deployment is available"),
        1 => new ResourceState("", "Service", "bench", $"svc-{i}", SyncPhaseCode.Sync, 0, ResourceResultCode.Unchanged, true, "", HealthCode.Healthy),
        _ => new ResourceState("", "ConfigMap", "bench", $"config-{i}", SyncPhaseCode.Sync, -1, ResourceResultCode.Created, true, $"configmap/config-{i} created", null),
    };

    private static string Manifest(string name, int index) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"apiVersion":"argoproj.io/v1alpha1","kind":"Application",
         "metadata":{"name":"{{name}}","namespace":"argocd","labels":{"team":"team-{{index % 12}}","tier":"{{(index % 2 == 0 ? "frontend" : "backend")}}"} },
         "spec":{"project":"project-{{index % 5}}",
                 "source":{"repoURL":"https://git.example.com/team-{{index % 12}}/config.git","path":"apps/{{name}}","targetRevision":"main"},
                 "destination":{"server":"https://cluster-{{index % 3}}.example.com","namespace":"ns-{{index % 20}}"},
                 "syncPolicy":{"automated":{"prune":true,"selfHeal":true},"syncOptions":["ServerSideApply=true"]} } }
        """);

    private static HistoryEntry History(int i) => new(
        0, $"{i:D40}", "https://git.example.com/team-0/config.git", "apps/bench", [], "sha256:" + new string('c', 64), Noon.AddHours(-i), OperationPhase.Succeeded, "successfully synced", "bench");
}
