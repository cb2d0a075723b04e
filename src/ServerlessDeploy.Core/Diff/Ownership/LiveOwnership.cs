using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>
/// Who owns what in a live object, read from metadata.managedFields: our apply entry, the entries a sync takes over
/// (kubectl's client-side apply, Argo CD), and everybody else except status writers (they own status, which Git never sets).
/// </summary>
public sealed record LiveOwnership(FieldSet Ours, FieldSet TakenOver, FieldSet Others, bool HasOurEntry, IReadOnlyList<JsonObject> TakenOverEntries)
{
    public static readonly LiveOwnership None = new(FieldSet.Empty, FieldSet.Empty, FieldSet.Empty, false, []);

    /// <summary>What Git owns once the sync has taken the other entries over.</summary>
    public FieldSet Git => Ours.Union(TakenOver);

    /// <summary>True when a sync must move fields to our manager before it applies.</summary>
    public bool NeedsTakeover => !TakenOver.IsEmpty;

    /// <param name="lastApplied">The fields a kubectl last-applied-configuration sets, when no client-side apply entry owns them.</param>
    public static LiveOwnership Of(JsonObject live, FieldSet? lastApplied = null)
    {
        var ours = FieldSet.Empty;
        var takenOver = lastApplied ?? FieldSet.Empty;
        var others = FieldSet.Empty;
        var hasOurEntry = false;
        var takenOverEntries = new List<JsonObject>();
        foreach (var entry in Entries(live))
        {
            var manager = entry["manager"]?.ToString() ?? "";
            var operation = entry["operation"]?.ToString() ?? "";
            var subresource = entry["subresource"]?.ToString() is { Length: > 0 } s ? s : null;
            var fields = FieldSet.Parse(entry["fieldsV1"]);
            if (manager == FieldManagers.Ours && operation == "Apply" && subresource is null)
            {
                ours = ours.Union(fields);
                hasOurEntry = true;
            }
            else if (FieldManagers.IsTakenOver(manager, operation, subresource))
            {
                takenOver = takenOver.Union(fields);
                takenOverEntries.Add(entry);
            }
            else if (subresource != "status")
            {
                others = others.Union(fields);
            }
        }

        return new LiveOwnership(ours, takenOver, others, hasOurEntry, takenOverEntries);
    }

    /// <summary>True when the object carries kubectl's last-applied record but no entry taken over owns its fields (created before managedFields, or with them cleared).</summary>
    public static bool HasUnownedLastApplied(JsonObject live) =>
        live["metadata"]?["annotations"]?[FieldManagers.LastAppliedAnnotation] is JsonValue
        && !Entries(live).Any(e => FieldManagers.IsTakenOver(e["manager"]?.ToString() ?? "", e["operation"]?.ToString() ?? "", e["subresource"]?.ToString()));

    private static IEnumerable<JsonObject> Entries(JsonObject live) =>
        (live["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>();
}
