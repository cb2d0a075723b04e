using ServerlessDeploy.Core.Sync.Cursor;
using ServerlessDeploy.State;

namespace ServerlessDeploy.State.Tests.Support;

/// <summary>Compares records by content: their list members are compared element by element, not by reference.</summary>
internal static class StateAssert
{
    public static void Equal(AppState expected, AppState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(Scalars(expected), Scalars(actual));
        Assert.Equal(expected.Images, actual.Images);
        Assert.Equal(expected.ImageOverrides, actual.ImageOverrides);
        Assert.Equal(expected.Resources.Count, actual.Resources.Count);
        Assert.Equal(expected.Resources, actual.Resources);
        Assert.Equal(expected.Stages?.Steps ?? [], actual.Stages?.Steps ?? []);
    }

    public static void Equal(HistoryEntry expected, HistoryEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ImageOverrides, actual.ImageOverrides);
        Assert.Equal(expected.Stages?.Steps ?? [], actual.Stages?.Steps ?? []);
        Assert.Equal(Scalars(expected), Scalars(actual));
    }

    /// <summary>Cursors compare as the stores keep them: by their JSON, every step and timestamp included.</summary>
    public static void Equal(SyncCursor expected, SyncCursor? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(SyncCursorJson.Serialize(expected), SyncCursorJson.Serialize(actual));
    }

    private static HistoryEntry Scalars(HistoryEntry entry) =>
        entry with { ImageOverrides = Array.Empty<string>(), Stages = entry.Stages is null ? null : entry.Stages with { Steps = [] } };

    /// <summary>Shares one empty array so the record's reference comparison of lists cannot differ.</summary>
    private static AppState Scalars(AppState state) =>
        state with { Images = Array.Empty<string>(), ImageOverrides = Array.Empty<string>(), Resources = Array.Empty<ResourceState>(), Stages = state.Stages is null ? null : state.Stages with { Steps = [] } };
}
