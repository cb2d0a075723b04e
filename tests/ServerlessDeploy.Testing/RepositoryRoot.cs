namespace ServerlessDeploy.Testing;

/// <summary>The checkout the tests run from: the nearest folder above the test assembly that holds ServerlessDeploy.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ServerlessDeploy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ServerlessDeploy.sln above {AppContext.BaseDirectory}.");
    }
}
