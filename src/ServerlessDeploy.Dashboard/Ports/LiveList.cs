using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>The objects of one kind in one namespace, or why the cluster could not be read. A kind the cluster does not serve lists as empty.</summary>
public sealed record LiveList(IReadOnlyList<JsonObject> Items, string? Unreachable)
{
    public static LiveList Of(IReadOnlyList<JsonObject> items) => new(items, null);

    public static LiveList NotRead(string why) => new([], why);
}
