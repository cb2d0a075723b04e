using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Schemas of custom kinds, built from their CRD version's openAPIV3Schema the way kube-apiserver
/// publishes them: apiVersion and kind as strings, metadata as ObjectMeta, and the group-version-kind
/// extension kubectl looks kinds up by.
/// </summary>
internal static class CustomSchemas
{
    public static JsonObject Kind(ResourceType type, JsonObject metadataRef)
    {
        // A CRD version without a schema keeps every field, so it is published as a free-form object.
        var schema = type.Schema?.DeepClone().AsObject()
            ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        properties["apiVersion"] = new JsonObject { ["type"] = "string" };
        properties["kind"] = new JsonObject { ["type"] = "string" };
        properties["metadata"] = metadataRef;
        schema["x-kubernetes-group-version-kind"] = GroupVersionKind.Array(type.Group, type.Version, type.Kind);
        return schema;
    }

    public static JsonObject List(ResourceType type, string itemRef, JsonObject listMetaRef) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = itemRef } },
            ["metadata"] = listMetaRef,
        },
        ["x-kubernetes-group-version-kind"] = GroupVersionKind.Array(type.Group, type.Version, type.ListKind),
    };
}
