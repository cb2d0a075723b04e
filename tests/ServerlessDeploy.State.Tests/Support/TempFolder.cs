using Microsoft.Data.Sqlite;

namespace ServerlessDeploy.State.Tests.Support;

/// <summary>A fresh state folder shared by one test class, deleted with its database afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sdeploy-state-").FullName;

    public void Dispose()
    {
        // Pooled connections keep state.db open; close them before the folder goes.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
