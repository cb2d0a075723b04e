using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// Server-side field validation: lists the fields of a written object that its kind does not declare, named as
/// kube-apiserver names them, for fieldValidation=Strict (400 "strict decoding error: unknown field …") and
/// fieldValidation=Warn (one Warning header per field). Built-in kinds are checked against their reflected
/// KubernetesClient model; custom kinds against their CRD version's openAPIV3Schema.
/// </summary>
internal static class UnknownFieldFinder
{
    /// <summary>The unknown field paths of <paramref name="value"/>, in document order; empty when every field is known.</summary>
    public static IReadOnlyList<string> Find(JsonObject value, ResourceType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        var collector = new UnknownFieldCollector();
        if (type.ModelType is { } model)
        {
            ModelFieldWalker.WalkObject(value, ModelShapes.Of(model), collector);
        }
        else
        {
            StructuralFieldWalker.WalkRoot(value, type.Schema, collector);
        }

        return collector.Paths;
    }

    /// <summary>One field as kube-apiserver words it, in the strict error and in each Warn warning: unknown field "spec.replicass".</summary>
    public static string Describe(string path) => $"unknown field \"{path}\"";

    /// <summary>The strict decoding error for a set of unknown fields: strict decoding error: unknown field "a", unknown field "b".</summary>
    public static string StrictDecodingError(IEnumerable<string> paths) =>
        "strict decoding error: " + string.Join(", ", paths.Select(Describe));
}
