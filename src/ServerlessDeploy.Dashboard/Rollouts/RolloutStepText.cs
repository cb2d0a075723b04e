using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Rollouts;

/// <summary>A canary step as `sdeploy rollouts get` lists it: each field with its value (<c>setWeight: 20</c>, <c>pause: {"duration":"1m"}</c>).</summary>
public static class RolloutStepText
{
    public static string Of(JsonObject step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return string.Join(", ", step.Select(field => $"{field.Key}: {field.Value?.ToJsonString()}"));
    }
}
