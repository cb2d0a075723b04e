using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// Kubernetes' strategic merge patch (application/strategic-merge-patch+json), as kube-apiserver applies it with
/// k8s.io/apimachinery's strategicpatch: maps merge and null deletes, lists merge by the patch merge key or as sets
/// where the built-in type says so and are replaced otherwise, and the $patch, $retainKeys, $setElementOrder and
/// $deleteFromPrimitiveList directives steer the merge. Custom resources have no Go type to read that from, so
/// kube-apiserver refuses the media type for them, and so does this.
/// </summary>
internal static class StrategicMergePatch
{
    /// <summary>
    /// Checks that the kind takes a strategic merge patch and decodes the patch, before any object is read;
    /// the function returned applies it to the stored object.
    /// </summary>
    /// <exception cref="Api.StatusException">415 for a custom resource; 400 when the patch is not a JSON object.</exception>
    public static Func<JsonObject, JsonObject> For(ResourceType type, string patch)
    {
        var model = type.ModelType ?? throw StrategicPatchErrors.NotForCustomResources();
        var parsed = Parse(patch);
        return current => Apply(model, current, parsed);
    }

    /// <summary>The object <paramref name="current"/> of KubernetesClient model <paramref name="model"/> after the patch; neither input changes.</summary>
    /// <exception cref="Api.StatusException">400 (422 for lists of lists) when a directive or list in the patch is malformed.</exception>
    public static JsonObject Apply(Type model, JsonObject current, JsonObject patch) =>
        StrategicMapMerge.Merge((JsonObject)current.DeepClone(), patch, FieldShape.ObjectOf(model));

    /// <summary>The patch body as a JSON object; JSON null is the empty patch, as Go decodes it.</summary>
    public static JsonObject Parse(string patch)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(patch);
        }
        catch (JsonException e)
        {
            throw StrategicPatchErrors.Undecodable(e.Message);
        }

        return node switch
        {
            JsonObject map => map,
            null => [],
            _ => throw StrategicPatchErrors.NotAnObject(node),
        };
    }
}
