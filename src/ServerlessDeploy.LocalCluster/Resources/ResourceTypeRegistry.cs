using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;

namespace ServerlessDeploy.LocalCluster.Resources;

/// <summary>The kinds one server instance serves: the built-ins, plus those its CustomResourceDefinitions add at run time.</summary>
internal sealed class ResourceTypeRegistry
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableArray<ResourceType>> _custom = ImmutableDictionary<string, ImmutableArray<ResourceType>>.Empty;

    // Every request reads the list; only a CRD change rebuilds it.
    private IReadOnlyList<ResourceType> _all = BuiltInResourceTypes.Types;

    public IReadOnlyList<ResourceType> All => Volatile.Read(ref _all);

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    /// <summary>A type every cluster serves from the start (namespaces, persistentvolumes): registered when the registry is made.</summary>
    public ResourceType BuiltIn(string group, string version, string plural) =>
        Find(group, version, plural) ?? throw new InvalidOperationException($"{plural} is built in: the registry serves it from the start");

    public ResourceType? FindKind(string group, string version, string kind) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Kind == kind);

    /// <summary>Serves the versions a CRD declares (or stops serving them when it is deleted: pass null).</summary>
    public void Define(string crdName, JsonObject? crd)
    {
        lock (_gate)
        {
            _custom = crd is null ? _custom.Remove(crdName) : _custom.SetItem(crdName, FromDefinition(crd));
            Volatile.Write(ref _all, [.. BuiltInResourceTypes.Types, .. _custom.Values.SelectMany(v => v)]);
        }
    }

    private static ImmutableArray<ResourceType> FromDefinition(JsonObject crd)
    {
        // Admission checked the definition (spec.names among the rest); what is missing reads as empty, as the versions do.
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = spec.String("group") ?? "";
        var namespaced = spec.String("scope") != "Cluster";
        var shortNames = Strings(names["shortNames"]);
        var categories = Strings(names["categories"]);
        return [.. (spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => v["served"] is not JsonValue served || !served.TryGetValue<bool>(out var on) || on)
            .Select(v => new ResourceType(
                group,
                v.String("name") ?? "",
                names.String("kind") ?? "",
                names.String("plural") ?? "",
                namespaced,
                v["subresources"]?["status"] is not null,
                shortNames,
                categories,
                Schema: v["schema"]?["openAPIV3Schema"]?.DeepClone() as JsonObject)
            {
                CustomScale = ScaleOf(v),
                PrinterColumns = PrinterColumns(v),
            })
            .Select(t => t with { HasScale = t.CustomScale is not null })];
    }

    // kube-apiserver accepts only simple paths here; one of another form serves no scale rather than a wrong one.
    private static CustomScale? ScaleOf(JsonObject version) =>
        version["subresources"]?["scale"] is JsonObject scale && SimpleJsonPath.Parse(scale.String("specReplicasPath")) is { } specReplicas
            ? new CustomScale(specReplicas, SimpleJsonPath.Parse(scale.String("statusReplicasPath")), SimpleJsonPath.Parse(scale.String("labelSelectorPath")))
            : null;

    private static PrinterColumn[] PrinterColumns(JsonObject version) =>
        [.. (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
            c.String("name") ?? "",
            c.String("type") ?? "string",
            c.String("format") ?? "",
            // kube-apiserver's description for a column that has none.
            c.String("description") is { Length: > 0 } description ? description : $"Custom resource definition column (in JSONPath format): {c.String("jsonPath")}",
            (int)(ObjectFields.Long(c["priority"]) ?? 0),
            c.String("jsonPath") ?? ""))];

    private static string[] Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(n => n?.ToString() ?? "").ToArray() ?? [];
}
