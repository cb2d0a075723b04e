using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// What the Argo Rollouts controller of one release line knows of a pod template before it hashes it: the Go structs
/// it decodes the template into, the fields its Go types lack (Go's decoder drops them silently), and the defaults the
/// API server fills in from the Rollout CRD's schema before the controller ever reads the object.
/// </summary>
internal sealed record GoLayout(
    IReadOnlyDictionary<string, GoStruct> Structs,
    IReadOnlySet<string> DroppedFields,
    IReadOnlyDictionary<string, JsonNode> CrdDefaults)
{
    public static GoLayout V18 { get; } = Build(ArgoRolloutsLine.V18);

    public static GoLayout V19 { get; } = Build(ArgoRolloutsLine.V19);

    public static GoLayout For(ArgoRolloutsLine line) => line == ArgoRolloutsLine.V18 ? V18 : V19;

    /// <summary>The default the CRD schema gives <paramref name="field"/> of <paramref name="structName"/>, if any.</summary>
    public JsonNode? CrdDefault(string structName, string field) =>
        CrdDefaults.TryGetValue($"{structName}.{field}", out var value) ? value : null;

    public bool Drops(string structName, string field) => DroppedFields.Contains($"{structName}.{field}");

    private static GoLayout Build(ArgoRolloutsLine line)
    {
        var latest = GoPodTemplateLayout.V19.ToDictionary(e => e.Key, e => GoStruct.Parse(e.Key, e.Value), StringComparer.Ordinal);
        // The CRD of v1.9 (manifests/crds/rollout-crd.yaml) defaults these; v1.8's only defaults the port protocol.
        // Defaults that land on an omitempty field left empty (the many `name: ""`) change nothing and are left out.
        var defaults = new Dictionary<string, JsonNode>(StringComparer.Ordinal) { ["ContainerPort.protocol"] = JsonValue.Create("TCP") };
        if (line == ArgoRolloutsLine.V19)
        {
            defaults["GRPCAction.service"] = JsonValue.Create("");
            defaults["FileKeySelector.optional"] = JsonValue.Create(false);
            return new GoLayout(latest, new HashSet<string>(StringComparer.Ordinal), defaults);
        }

        var structs = new Dictionary<string, GoStruct>(latest, StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, layout) in GoPodTemplateLayout.V18Differences)
        {
            var older = GoStruct.Parse(name, layout);
            structs[name] = older;
            if (latest.TryGetValue(name, out var newer))
            {
                dropped.UnionWith(newer.Fields.Where(f => !older.Has(f.JsonName)).Select(f => $"{name}.{f.JsonName}"));
            }
        }

        return new GoLayout(structs, dropped, defaults);
    }
}
