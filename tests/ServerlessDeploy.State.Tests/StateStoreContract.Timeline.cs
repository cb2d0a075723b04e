using ServerlessDeploy.State.Tests.Support;
using static ServerlessDeploy.State.Tests.Support.StateSamples;

namespace ServerlessDeploy.State.Tests;

/// <summary>What the timeline reads from every store: each operation's stages with its trigger, message ids and receives, and rows written before those were kept.</summary>
public abstract partial class StateStoreContract
{
    /// <summary>Writes a history row as an earlier version did: its JSON as given, under the next id.</summary>
    protected abstract Task WriteHistoryRowAsync(string app, long id, string json);

    [Fact]
    public async Task A_status_keeps_the_trigger_message_ids_and_receives_of_its_stages()
    {
        var store = CreateStore();
        var state = Small(UniqueName("stages"));

        await store.PutAppAsync(state, Token);

        var stages = (await CreateStore().GetAppAsync(state.App, Token))?.Stages;
        Assert.Equal((TriggerKind.GitPush, "intake-7f3a", "deploy-91c2", 3), (stages?.Trigger, stages?.EventMessageId, stages?.DeployMessageId, stages?.Receives));
    }

    [Fact]
    public async Task A_history_entry_keeps_the_stages_of_the_sync_that_made_it()
    {
        var store = CreateStore();
        var app = UniqueName("history-stages");

        var stored = await store.AppendHistoryAsync(app, StagedHistory("staged"), Token);

        var read = Assert.Single(await CreateStore().HistoryAsync(app, Token));
        StateAssert.Equal(stored, read);
        Assert.Equal(TriggerKind.ImagePush, read.Stages?.Trigger);
    }

    [Fact]
    public async Task History_rows_written_before_stages_were_kept_read_without_them()
    {
        var app = UniqueName("old-history");
        await WriteHistoryRowAsync(app, 1, """
            {"Id":1,"Revision":"0123abcd","RepoUrl":"https://git.example/shop.git","Path":"apps/shop","ImageOverrides":[],"ManifestDigest":"sha256:00","DeployedAt":"2026-03-14T09:26:53+02:00","Phase":"Succeeded","Message":"successfully synced","Initiator":"router"}
            """);
        await WriteHistoryRowAsync(app, 2, """
            {"Id":2,"Revision":"4567cdef","RepoUrl":"https://git.example/shop.git","Path":"apps/shop","ImageOverrides":[],"ManifestDigest":"sha256:01","DeployedAt":"2026-03-14T09:30:00+02:00","Phase":"Succeeded","Message":"successfully synced","Initiator":"router",
             "Stages":{"EventReceivedAt":null,"RoutedAt":"2026-03-14T09:29:58+02:00","QueuedAt":null,"StartedAt":"2026-03-14T09:29:59+02:00","DoneAt":"2026-03-14T09:30:00+02:00","Steps":[{"Step":"Sync/0 apply","StartedAt":"2026-03-14T09:29:59+02:00","EndedAt":"2026-03-14T09:30:00+02:00"}]}}
            """);

        var history = await CreateStore().HistoryAsync(app, Token);

        Assert.Equal(["4567cdef", "0123abcd"], history.Select(entry => entry.Revision));
        Assert.Null(history[1].Stages);
        var stages = history[0].Stages;
        Assert.NotNull(stages);
        Assert.Equal(("Sync/0 apply", (TriggerKind?)null, (string?)null, 0), (Assert.Single(stages.Steps).Step, stages.Trigger, stages.DeployMessageId, stages.Receives));
    }
}
