using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Tests.OpenApi;

/// <summary>The JSON fixtures of the OpenAPI tests, one file per scenario, and the custom kind they use.</summary>
internal static class Fixtures
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenApi", "Fixtures", name)))!.AsObject();

    /// <summary>The CronTab kind of the Kubernetes CRD walkthrough, with the given version schema.</summary>
    public static ResourceType CronTab(JsonObject? schema) =>
        new("stable.example.com", "v1", "CronTab", "crontabs", Namespaced: true, HasStatus: true, ["ct"], ["all"], Schema: schema);

    public static ResourceType BuiltIn(string kind) =>
        BuiltInResourceTypes.Types.Single(type => type.Kind == kind);
}
