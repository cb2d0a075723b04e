using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Patching;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>PATCH of an object or its status: the patch is applied to the stored object inside the store's step, then treated as an update.</summary>
internal sealed class PatchVerb(ClusterState cluster, Admission.Admission admission, StoredUpdate update)
{
    public JsonObject Patch(ResourceType type, ObjectTarget target, string contentType, string patch, WriteOptions options)
    {
        var apply = PatchFunction(type, contentType, patch);
        return update.Run(type, target, options.DryRun, current =>
        {
            var next = apply(current);
            admission.OnUpdate(type, next, options);
            return UpdateDecision.Decide(type, current, next, target.Subresource, options.Manager, ObjectFields.Timestamp(cluster.Now));
        });
    }

    /// <summary>The patch of a media type as a function of the object it is applied to; 415 for a media type not taken.</summary>
    public static Func<JsonObject, JsonObject> PatchFunction(ResourceType type, string contentType, string patch) => contentType switch
    {
        "application/json-patch+json" => current => JsonPatch.Apply(current, patch),
        "application/merge-patch+json" => current => Merge(current, patch),
        "application/strategic-merge-patch+json" => StrategicMergePatch.For(type, patch),
        _ => throw Errors.UnsupportedMediaType(contentType),
    };

    private static JsonObject Merge(JsonObject current, string patch)
    {
        var parsed = ParseObject(patch);
        return JsonMergePatch.Apply(current, parsed) as JsonObject ?? throw Errors.BadRequest("the patch must be a JSON object");
    }

    private static JsonObject ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw Errors.BadRequest("the patch must be a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Errors.BadRequest($"error decoding patch: {e.Message}");
        }
    }
}
