using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Tests.Sync.Cursor;

public sealed class SyncCursorJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cursor_with_every_step_kind_reads_back_as_written()
    {
        var cursor = new SyncCursor("c1", "shop", "d1", new string('a', 40), ["nginx:1.27"], Now, 3, CursorStatus.Waiting, 3,
            [
                new PruneStep(0, SyncPhase.PreSync, -1) { State = StepState.Done, StartedAt = Now, EndedAt = Now },
                new HookStep(0, SyncPhase.PreSync, -1) { State = StepState.Done },
                new ApplyStep(1, SyncPhase.Sync, 0) { State = StepState.Done },
                new HealthGateStep(1, SyncPhase.Sync, 0) { State = StepState.Waiting, StartedAt = Now },
                new WaitUntilStep(1, SyncPhase.Sync, 0, Now.AddHours(1)),
            ], "sha256:x")
        {
            Wait = new CursorWait("Deployment web: 1 of 2 updated", Now.AddSeconds(10), Now.AddMinutes(5)),
            Message = "waiting",
            UpdatedAt = Now,
        };

        var json = SyncCursorJson.Serialize(cursor);
        var back = SyncCursorJson.Deserialize(json);

        Assert.Contains("\"kind\":\"healthGate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Waiting\"", json, StringComparison.Ordinal);
        Assert.Equal(cursor with { Steps = [], ImageOverrides = [] }, back with { Steps = [], ImageOverrides = [] });
        Assert.Equal(cursor.Steps, back.Steps);
        Assert.Equal(cursor.ImageOverrides, back.ImageOverrides);
        Assert.IsType<HealthGateStep>(back.Current);
    }

    [Fact]
    public void Text_that_is_not_a_cursor_is_refused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => SyncCursorJson.Deserialize("null"));
        Assert.Throws<System.Text.Json.JsonException>(() => SyncCursorJson.Deserialize("""{"steps": [{"kind": "teleport"}]}"""));
    }
}
