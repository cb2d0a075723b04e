using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>One Kubernetes object read from a YAML stream, with where it was found ("document 2", "document 2, item 1").</summary>
public sealed record YamlObject(string Location, JsonObject Json);
