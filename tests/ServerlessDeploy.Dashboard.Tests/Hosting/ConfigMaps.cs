using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>The ConfigMap shop/settings the resource tests compare: as Git renders it, or live with what the API server adds.</summary>
public static class ConfigMaps
{
    public static JsonObject Settings(string color, bool live = false)
    {
        var metadata = new JsonObject { ["name"] = "settings", ["namespace"] = "shop" };
        if (live)
        {
            metadata["uid"] = "u-1";
            metadata["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "serverless-deploy" });
            metadata["resourceVersion"] = "7";
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = new JsonObject { ["color"] = color },
        };
    }
}
