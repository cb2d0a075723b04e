using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The operations of one resource, shaped as kube-apiserver publishes them: each carries x-kubernetes-action
/// and the x-kubernetes-group-version-kind object kubectl matches a kind's PATCH operation by.
/// </summary>
internal static class Operations
{
    private static readonly string[] BuiltInPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    // kube-apiserver refuses strategic merge patches of custom resources and does not advertise them; kubectl then
    // sends a JSON merge patch instead.
    private static readonly string[] CustomPatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    public static JsonObject List(ResourceType type, ResourceRefs refs, string scope, string suffix = "") =>
        Operation(type, "list", $"list or watch objects of kind {type.Kind}", OperationId("list", type, scope, suffix), Parameters.List(), null,
            Responses(("200", "OK", refs.List)));

    public static JsonObject Create(ResourceType type, ResourceRefs refs, string scope) =>
        Operation(type, "post", $"create a {type.Kind}", OperationId("create", type, scope), Parameters.Write(), Body(refs.Kind),
            Responses(("200", "OK", refs.Kind), ("201", "Created", refs.Kind), ("202", "Accepted", refs.Kind)));

    public static JsonObject DeleteCollection(ResourceType type, ResourceRefs refs, string scope) =>
        Operation(type, "deletecollection", $"delete collection of {type.Kind}", OperationId("deleteCollection", type, scope),
            [.. Parameters.List(), .. Parameters.Delete()], Body(refs.DeleteOptions), Responses(("200", "OK", refs.Status)));

    public static JsonObject Read(ResourceType type, ResourceRefs refs, string scope, string subresource = "") =>
        Operation(Answering(type, subresource), "get", $"read the specified {type.Kind}", OperationId("read", type, scope, subresource), null, null,
            Responses(("200", "OK", refs.Kind)));

    public static JsonObject Replace(ResourceType type, ResourceRefs refs, string scope, string subresource = "") =>
        Operation(Answering(type, subresource), "put", $"replace the specified {type.Kind}", OperationId("replace", type, scope, subresource),
            Parameters.Write(), Body(refs.Kind), Responses(("200", "OK", refs.Kind), ("201", "Created", refs.Kind)));

    public static JsonObject Patch(ResourceType type, ResourceRefs refs, string scope, string subresource = "")
    {
        var content = new JsonObject();
        foreach (var mediaType in type.IsCustom ? CustomPatchTypes : BuiltInPatchTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } };
        }

        var body = new JsonObject { ["content"] = content, ["required"] = true };
        return Operation(Answering(type, subresource), "patch", $"partially update the specified {type.Kind}", OperationId("patch", type, scope, subresource),
            Parameters.Patch(), body, Responses(("200", "OK", refs.Kind), ("201", "Created", refs.Kind)));
    }

    public static JsonObject Delete(ResourceType type, ResourceRefs refs, string scope) =>
        Operation(type, "delete", $"delete a {type.Kind}", OperationId("delete", type, scope), Parameters.Delete(), Body(refs.DeleteOptions),
            Responses(("200", "OK", refs.Status), ("202", "Accepted", refs.Status)));

    /// <summary>The kind an operation is tagged with: kube-apiserver tags the scale subresource's operations as autoscaling/v1 Scale.</summary>
    private static ResourceType Answering(ResourceType type, string subresource) =>
        subresource == ScaleVerb.Subresource ? ScaleSubresource.Type : type;

    /// <param name="type">The kind the operation answers, for x-kubernetes-group-version-kind.</param>
    private static JsonObject Operation(
        ResourceType type, string action, string description, string operationId, JsonObject[]? parameters, JsonObject? body, JsonObject responses)
    {
        var operation = new JsonObject { ["description"] = description, ["operationId"] = operationId };
        if (parameters is not null)
        {
            operation["parameters"] = new JsonArray(parameters);
        }

        if (body is not null)
        {
            operation["requestBody"] = body;
        }

        operation["responses"] = responses;
        operation["x-kubernetes-action"] = action;
        operation["x-kubernetes-group-version-kind"] = GroupVersionKind.Object(type.Group, type.Version, type.Kind);
        return operation;
    }

    private static JsonObject Body(string schemaRef) => new()
    {
        ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = schemaRef } } },
        ["required"] = true,
    };

    private static JsonObject Responses(params (string Code, string Description, string SchemaRef)[] responses)
    {
        var result = new JsonObject();
        foreach (var (code, description, schemaRef) in responses)
        {
            var schema = new JsonObject { ["$ref"] = schemaRef };
            result[code] = new JsonObject
            {
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
                ["description"] = description,
            };
        }

        result["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return result;
    }

    /// <summary>kube-apiserver's operation id pattern: patchAppsV1NamespacedDeploymentStatus.</summary>
    private static string OperationId(string verb, ResourceType type, string scope, string subresource = "")
    {
        var group = type.Group.Length == 0 ? "Core" : string.Concat(
            type.Group.Replace(".k8s.io", "", StringComparison.Ordinal).Split('.', '-').Select(Capitalize));
        return $"{verb}{group}{Capitalize(type.Version)}{scope}{type.Kind}{Capitalize(subresource)}";
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
