using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// An app's recorded status with the Application it was last deployed from, which names where its cluster is and where its
/// source lives. <see cref="Problem"/> says why there is no Application (never deployed, or a record that does not read).
/// </summary>
public sealed record RecordedApplication(AppState State, Application? Application, string? Problem)
{
    /// <summary>
    /// The revision the app was last compared with (Argo CD's status.sync.revision), what its sync status is against: its
    /// desired state is rendered there, so an app that a push left OutOfSync shows that push's change.
    /// </summary>
    public string? ComparedRevision => AppViews.ComparedRevision(State);

    /// <summary>Null when the state has no app by that name.</summary>
    public static async Task<RecordedApplication?> LoadAsync(IStateReads reads, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        return await reads.GetAppAsync(name, cancellationToken) is { } state ? Of(state, await reads.HistoryAsync(name, cancellationToken)) : null;
    }

    /// <param name="history">Newest first: the newest entry says where a source written relative to the config repository was found.</param>
    public static RecordedApplication Of(AppState state, IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Manifest is null)
        {
            return new(state, null, "no Application manifest is recorded for this app yet");
        }

        try
        {
            var parsed = ApplicationReader.Read(JsonNode.Parse(state.Manifest) as JsonObject ?? []);
            return parsed.Succeeded
                ? new(state, Resolved(parsed.Application, history), null)
                : new(state, null, $"the recorded Application does not read: {string.Join("; ", parsed.Errors)}");
        }
        catch (JsonException e)
        {
            return new(state, null, $"the recorded Application is not JSON: {e.Message}");
        }
    }

    /// <summary>
    /// The record keeps the Application as written, and a repoURL relative to its file in the config repository (as the
    /// demo's are) only means something there; the history keeps where the deployer found it, so the newest entry says.
    /// </summary>
    private static Application Resolved(Application app, IReadOnlyList<HistoryEntry> history)
    {
        var url = app.Source.RepoUrl;
        var relative = !url.Contains("://", StringComparison.Ordinal) && !url.StartsWith('/');
        return relative && history.Count > 0 ? app with { Source = app.Source with { RepoUrl = history[0].RepoUrl, Path = history[0].Path } } : app;
    }
}
