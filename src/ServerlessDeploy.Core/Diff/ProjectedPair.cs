using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff;

/// <summary>
/// A desired object cleaned as the differ cleans it, and the live object cut down to the fields it sets: the two sides
/// the engine's diff compares, for a reader (the dashboard) that shows them.
/// </summary>
public sealed record ProjectedPair(JsonObject Desired, JsonObject Live)
{
    public static ProjectedPair Of(JsonObject desired, JsonObject live)
    {
        var want = FieldProjection.Normalize(desired);
        return new ProjectedPair(want, FieldProjection.Project(want, live) as JsonObject ?? []);
    }
}
