using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>
/// The failures of a strategic merge patch, worded as k8s.io/apimachinery's mergepatch and strategicpatch errors.
/// All are 400 BadRequest (kube-apiserver answers some of them with a bare 500) except lists of lists, a 422 there too.
/// </summary>
internal static class StrategicPatchErrors
{
    /// <summary>What kube-apiserver answers for a custom resource: its patch handler does not accept the media type.</summary>
    public static StatusException NotForCustomResources() => new(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");

    public static StatusException NotAnObject(JsonNode? patch) =>
        Errors.BadRequest($"json: cannot unmarshal {GoValueText.KindOf(patch)} into Go value of type map[string]interface {{}}");

    public static StatusException Undecodable(string reason) => Errors.BadRequest($"error decoding patch: {reason}");

    public static StatusException UnknownPatchType(JsonNode? directive, JsonObject map) =>
        Errors.BadRequest($"unknown patch type: {GoValueText.Of(directive)} in map: {GoValueText.Of(map)}");

    public static StatusException MergeDirectiveInList() => Errors.BadRequest("merging lists cannot yet be specified in the patch");

    public static StatusException NoMergeKey(JsonObject map, string mergeKey) =>
        Errors.BadRequest($"map: {GoValueText.Of(map)} does not contain declared merge key: {mergeKey}");

    public static StatusException NoMergeKeyDeclared() => Errors.BadRequest("cannot merge lists without merge key for type map");

    public static StatusException BadPrimitiveList() => Errors.BadRequest("invalid patch format of primitive list");

    public static StatusException BadRetainKeys() => Errors.BadRequest("invalid patch format of retainKeys");

    public static StatusException BadElementOrder() => Errors.BadRequest("invalid patch format of setElementOrder list");

    public static StatusException OrderMismatch(JsonArray patchList, JsonArray order) => Errors.BadRequest(
        $"The order in patch list:\n{GoValueText.Of(patchList)}\n doesn't match {StrategicDirectives.SetElementOrder} list:\n{GoValueText.Of(order)}\n");

    public static StatusException NotAList(string field, JsonNode? value) =>
        Errors.BadRequest($"expected a []interface {{}}, but received a {GoValueText.TypeOf(value)} for field \"{field}\"");

    public static StatusException ListOfLists() => new(422, "Invalid", "lists of lists are not supported");

    public static StatusException MixedElements(JsonArray live, JsonArray patch) =>
        Errors.BadRequest($"list element types are not identical: [{GoValueText.Of(live)} {GoValueText.Of(patch)}]");
}
