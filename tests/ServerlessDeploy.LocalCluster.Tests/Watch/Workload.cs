using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Tests.Watch;

/// <summary>The kinds the watch tests write: where their collection is and a minimal manifest of each.</summary>
internal static class Workload
{
    public static string Collection(string plural, string ns) => plural switch
    {
        "deployments" => $"/apis/apps/v1/namespaces/{ns}/deployments",
        "jobs" => $"/apis/batch/v1/namespaces/{ns}/jobs",
        "pods" => $"/api/v1/namespaces/{ns}/pods",
        _ => throw new ArgumentOutOfRangeException(nameof(plural), plural, "not a workload the watch tests use"),
    };

    public static string Manifest(string plural, string name, string app)
    {
        var labels = new JsonObject { ["app"] = app };
        var podSpec = new JsonObject
        {
            ["restartPolicy"] = plural == "jobs" ? "Never" : "Always",
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "busybox:1.36" }),
        };
        var template = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = podSpec.DeepClone() };
        var (apiVersion, kind, spec) = plural switch
        {
            "deployments" => ("apps/v1", "Deployment", new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = template,
            }),
            "jobs" => ("batch/v1", "Job", new JsonObject { ["template"] = template }),
            "pods" => ("v1", "Pod", podSpec),
            _ => throw new ArgumentOutOfRangeException(nameof(plural), plural, "not a workload the watch tests use"),
        };
        return new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
            ["spec"] = spec,
        }.ToJsonString();
    }
}
