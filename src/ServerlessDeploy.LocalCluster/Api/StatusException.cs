using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>A request that ends in a Kubernetes <c>Status</c> failure; thrown inside a request and written at the HTTP boundary.</summary>
internal sealed class StatusException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public JsonObject ToStatus() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["details"] = Details?.DeepClone(),
        ["code"] = Code,
    };
}
