using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Tests.Health;

/// <summary>Live objects from testdata/*.yaml, one scenario a file, read as sigs.k8s.io/yaml reads them.</summary>
internal static class Fixtures
{
    public static JsonObject Live(string file) =>
        YamlObjects.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Health", "testdata", file)), YamlDialect.Kubernetes).Single().Json;
}
