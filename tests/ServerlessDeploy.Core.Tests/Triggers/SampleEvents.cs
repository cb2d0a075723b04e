using System.Text;
using System.Text.Json;

namespace ServerlessDeploy.Core.Tests.Triggers;

/// <summary>The repository's <c>events/</c> folder, found by walking up to the folder holding ServerlessDeploy.sln.</summary>
internal static class SampleEvents
{
    public static string Folder { get; } = Find();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>The GitHub sample: its headers, the exact body bytes and the secret that signed them.</summary>
    public static (Dictionary<string, string> Headers, byte[] Body, byte[] Secret) GitHubPush()
    {
        using var document = JsonDocument.Parse(Read("github-push.json"));
        var headers = document.RootElement.GetProperty("headers").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        var body = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("body").GetString()!);
        var secret = File.ReadAllBytes(Path.Combine(Folder, "github-push.secret"));
        return (headers, body, secret);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return Path.Combine(dir.FullName, "events");
            }
        }

        throw new DirectoryNotFoundException("No folder above the test assembly holds ServerlessDeploy.sln.");
    }
}
