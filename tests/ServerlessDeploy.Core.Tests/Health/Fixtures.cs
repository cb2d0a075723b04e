using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Health;

/// <summary>Live objects from testdata/*.yaml, one scenario a file.</summary>
internal static class Fixtures
{
    public static JsonObject Live(string file) =>
        YamlObjects.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Health", "testdata", file))).Single().Json;
}
