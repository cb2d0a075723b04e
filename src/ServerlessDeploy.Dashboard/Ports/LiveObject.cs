using System.Text.Json.Nodes;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>One object as the cluster has it now: the object, none (not found), or why the cluster could not be read.</summary>
public sealed record LiveObject(JsonObject? Value, string? Unreachable)
{
    public static LiveObject Found(JsonObject value) => new(value, null);

    public static LiveObject Absent { get; } = new(null, null);

    public static LiveObject NotRead(string why) => new(null, why);
}
