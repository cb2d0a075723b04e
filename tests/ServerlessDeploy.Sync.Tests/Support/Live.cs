using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using ServerlessDeploy.Testing.Kubernetes;

namespace ServerlessDeploy.Sync.Tests.Support;

/// <summary>Reads of live objects through KubernetesClient, as JSON when a test looks at fields the models type.</summary>
internal static class Live
{
    /// <summary>Null when the object does not exist.</summary>
    public static async Task<T?> FindAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static JsonObject Json(object model) => JsonNode.Parse(KubernetesJson.Serialize(model, TestTypesJson.Options))!.AsObject();

    /// <summary>The serverless-deploy/tracking-id annotation, or null.</summary>
    public static string? TrackingId(k8s.Models.V1ObjectMeta metadata) =>
        metadata.Annotations?.TryGetValue("serverless-deploy/tracking-id", out var id) == true ? id : null;
}
