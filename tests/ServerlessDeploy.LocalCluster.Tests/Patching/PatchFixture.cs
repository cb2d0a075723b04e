using ServerlessDeploy.Core.Yaml;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Tests.Patching;

/// <summary>
/// One strategic merge patch scenario, a folder under Patching/Fixtures: original.yaml (a built-in object),
/// patch.yaml, and either expected.yaml or error.txt (the status code and reason, then a part of the message).
/// </summary>
internal sealed record PatchFixture(string Name, JsonObject Original, JsonObject Patch, JsonObject? Expected, string? Error)
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Patching", "Fixtures");

    /// <summary>The scenarios that end in an object (<paramref name="failing"/> false) or in an error.</summary>
    public static TheoryData<string> Names(bool failing) =>
        new(Directory.GetDirectories(Root)
            .Where(dir => File.Exists(Path.Combine(dir, "error.txt")) == failing)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal));

    public static PatchFixture Load(string name)
    {
        var dir = Path.Combine(Root, name);
        var error = Path.Combine(dir, "error.txt");
        return new PatchFixture(
            name,
            Yaml(Path.Combine(dir, "original.yaml"))!,
            Yaml(Path.Combine(dir, "patch.yaml"))!,
            Yaml(Path.Combine(dir, "expected.yaml")),
            File.Exists(error) ? File.ReadAllText(error).TrimEnd('\n') : null);
    }

    /// <summary>The KubernetesClient model of the original object's kind.</summary>
    public Type Model => BuiltInResourceTypes.Types
        .Single(t => t.GroupVersion == Original["apiVersion"]!.GetValue<string>() && t.Kind == Original["kind"]!.GetValue<string>())
        .ModelType!;

    private static JsonObject? Yaml(string path) =>
        File.Exists(path) ? YamlReader.ReadAll(File.ReadAllText(path), path) is [var first, ..] ? first.AsObject() : null : null;
}
