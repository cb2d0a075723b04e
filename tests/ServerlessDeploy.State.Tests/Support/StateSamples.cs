namespace ServerlessDeploy.State.Tests.Support;

/// <summary>Records as the deployer writes them, with every field set, and names no other test uses.</summary>
internal static class StateSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(2));

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static AppState Small(string app, string revision = "0123abcd") => new(
        app,
        revision,
        SyncStatusCode.Synced,
        HealthCode.Progressing,
        OperationPhase.Running,
        Start,
        Start.AddMinutes(3).AddTicks(7),
        "waiting for health of wave 2",
        ["registry.example/shop/web:1.4.2", "registry.example/shop/worker@sha256:" + new string('b', 64)],
        ["web=registry.example/shop/web:1.4.3"],
        [
            new ResourceState("apps", "Deployment", "shop", "web", SyncPhaseCode.Sync, 2, ResourceResultCode.Configured, true, "deployment.apps/web configured", HealthCode.Progressing, "Waiting for rollout to finish: 1 of 3 updated replicas are available..."),
            new ResourceState("", "ConfigMap", "shop", "settings", SyncPhaseCode.PreSync, -1, ResourceResultCode.Unchanged, true, "", null),
        ],
        "4567cdef",
        """{"kind":"Application"}""",
        new NoticeFailure(NoticeKind.SyncSucceeded, "slack #deploys: Slack webhook: answered HTTP 500 Internal Server Error", Start.AddMinutes(3).AddTicks(9)),
        new OperationStages(Start.AddSeconds(-3), Start.AddSeconds(-2), Start.AddSeconds(-1), Start, null,
            [new StepStage("Sync/0 apply", Start, Start.AddSeconds(1)), new StepStage("Sync/0 health", Start.AddSeconds(1), null)],
            TriggerKind.GitPush, "intake-7f3a", "deploy-91c2", 3),
        new RevisionInfo("Ada Lovelace <ada@example.com>", "web: 1.4.3\n\nRaises the worker's memory limit."),
        new WaitingSync("sync-7", "4567cdef", "Sync/0 health", "waiting for health: apps/Deployment:shop/web is Progressing", Start.AddSeconds(11), Start.AddMinutes(5)));

    /// <summary>A sync result too big for one DynamoDB item: 1,200 resources with long, distinct messages.</summary>
    public static AppState Big(string app, string revision)
    {
        var resources = Enumerable.Range(0, 1_200)
            .Select(index => new ResourceState(
                "apps",
                "Deployment",
                $"team-{index % 7}",
                $"service-{index:D4}",
                SyncPhaseCode.Sync,
                index % 5,
                ResourceResultCode.Configured,
                index % 97 != 0,
                $"{revision}: service-{index:D4} " + new string((char)('a' + (index % 26)), 450),
                HealthCode.Healthy))
            .ToList();
        return Small(app, revision) with { Resources = resources };
    }

    public static HistoryEntry History(string revision) => new(
        0,
        revision,
        "https://git.example/shop/config.git",
        "apps/shop",
        ["web=registry.example/shop/web:1.4.3"],
        "sha256:" + new string('c', 64),
        Start,
        OperationPhase.Succeeded,
        "successfully synced",
        "router");

    /// <summary>A history entry with the stages of the sync that made it, trigger and message ids included.</summary>
    public static HistoryEntry StagedHistory(string revision) => History(revision) with
    {
        Stages = new OperationStages(Start.AddSeconds(-3), Start.AddSeconds(-2), Start.AddSeconds(-1), Start, Start.AddSeconds(4),
            [new StepStage("Sync/0 apply", Start, Start.AddSeconds(1)), new StepStage("Sync/0 health", Start.AddSeconds(1), Start.AddSeconds(4))],
            TriggerKind.ImagePush, "intake-1", "deploy-2", 2),
    };

    public static DeliveryFailure Failure(string messageId, int receiveCount, string error, DateTimeOffset expiresAt) =>
        new(messageId, "deploy.fifo", receiveCount, error, Start, expiresAt);
}
