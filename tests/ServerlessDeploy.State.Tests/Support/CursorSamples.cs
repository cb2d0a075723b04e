using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests.Support;

/// <summary>Sync cursors as the deployer saves them: every step kind, in every state, with stage timestamps and a wait.</summary>
internal static class CursorSamples
{
    public static SyncCursor Cursor(string app, long version, string id = "cursor-1") => new(
        id,
        app,
        "deploy-42",
        new string('a', 40),
        ["web=registry.example/shop/web:1.4.3", "worker=registry.example/shop/worker@sha256:" + new string('b', 64)],
        Start,
        version,
        CursorStatus.Waiting,
        3,
        [
            new PruneStep(0, SyncPhase.PreSync, -1) { State = StepState.Done, StartedAt = Start, EndedAt = Start.AddSeconds(1) },
            new HookStep(0, SyncPhase.PreSync, -1) { State = StepState.Done, StartedAt = Start.AddSeconds(1), EndedAt = Start.AddSeconds(9).AddTicks(3) },
            new ApplyStep(1, SyncPhase.Sync, 0) { State = StepState.Done, StartedAt = Start.AddSeconds(9), EndedAt = Start.AddSeconds(10) },
            new HealthGateStep(1, SyncPhase.Sync, 0) { State = StepState.Waiting, StartedAt = Start.AddSeconds(10) },
            new WaitUntilStep(2, SyncPhase.Sync, 1, Start.AddHours(1)),
            new ApplyStep(3, SyncPhase.PostSync, 0) { State = StepState.Running },
        ],
        "sha256:" + new string('d', 64))
    {
        Wait = new CursorWait("Deployment shop/web: 1 of 2 replicas updated", Start.AddSeconds(40), Start.AddMinutes(10)),
        Message = "waiting for health of Sync wave 0",
        UpdatedAt = Start.AddSeconds(10).AddTicks(7),
    };

    /// <summary>A cursor of a plan whose every resource has a wave of its own: a prune, an apply and a health gate per wave.</summary>
    public static SyncCursor Waves(string app, long version, int waves) => Cursor(app, version) with
    {
        Steps = [.. Enumerable.Range(0, waves).SelectMany(wave => new CursorStep[]
        {
            new PruneStep(wave, SyncPhase.Sync, wave) { State = StepState.Done, StartedAt = Start.AddSeconds(wave), EndedAt = Start.AddSeconds(wave + 1) },
            new ApplyStep(wave, SyncPhase.Sync, wave) { State = StepState.Done, StartedAt = Start.AddSeconds(wave), EndedAt = Start.AddSeconds(wave + 1) },
            new HealthGateStep(wave, SyncPhase.Sync, wave) { State = StepState.Done, StartedAt = Start.AddSeconds(wave), EndedAt = Start.AddSeconds(wave + 1) },
        })],
        Position = 3 * waves,
        Status = CursorStatus.Succeeded,
        Wait = null,
    };
}
