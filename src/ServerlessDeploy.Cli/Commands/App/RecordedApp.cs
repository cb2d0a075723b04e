using ServerlessDeploy.Local.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Cli.Commands.App;

/// <summary>What the pipeline recorded about an app in a local state folder, read through the read model only.</summary>
internal static class RecordedApp
{
    /// <summary>Null when no folder is given or the app has no recorded status.</summary>
    public static async Task<AppDetail?> LoadAsync(string? folder, string app, CancellationToken cancellationToken)
    {
        if (folder is null)
        {
            return null;
        }

        if (!Directory.Exists(folder))
        {
            throw CliFailure.Input($"--state {folder}: no such folder");
        }

        using var store = new SqliteStateStore(folder);
        return await new StateQueries(store).GetAsync(app, cancellationToken);
    }
}
