using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>
/// Who owns what in a live object, read from metadata.managedFields: our apply entry, the entries a sync takes over
/// (kubectl's client-side apply, Argo CD), and everybody else except status writers (they own status, which Git never sets).
/// </summary>
internal sealed record LiveOwnership(FieldSet Ours, FieldSet TakenOver, FieldSet Others, bool HasOurEntry, IReadOnlyList<JsonObject> TakenOverEntries)
{
    public static readonly LiveOwnership None = new(FieldSet.Empty, FieldSet.Empty, FieldSet.Empty, false, []);

    /// <summary>What Git owns once the sync has taken the other entries over.</summary>
    public FieldSet Git => Ours.Union(TakenOver);

    /// <summary>True when a sync must move fields to our manager, or drop another tool's entries, before it applies.</summary>
    public bool NeedsTakeover => TakenOverEntries.Count > 0 || !TakenOver.IsEmpty;

    /// <param name="lastApplied">
    /// The fields the object's kubectl last-applied-configuration sets (<see cref="NeedsLastAppliedFields"/>). An
    /// entry written by an update (kubectl's client-side apply, Argo CD's before server-side apply) also owns what the
    /// API server filled in when it created the object, so only the part the last-applied configuration names is
    /// taken over; with no such entry, the configuration itself is. An Apply entry is taken over whole.
    /// </param>
    public static LiveOwnership Of(JsonObject live, FieldSet? lastApplied = null)
    {
        var ours = FieldSet.Empty;
        var takenOver = FieldSet.Empty;
        var others = FieldSet.Empty;
        var hasOurEntry = false;
        var takenOverEntries = new List<JsonObject>();
        foreach (var entry in Entries(live))
        {
            var (manager, operation, subresource) = Identity(entry);
            var fields = FieldSet.Parse(entry["fieldsV1"]);
            if (manager == FieldManagers.Ours && operation == "Apply" && subresource is null)
            {
                ours = ours.Union(fields);
                hasOurEntry = true;
            }
            else if (FieldManagers.IsTakenOver(manager, operation, subresource))
            {
                takenOver = takenOver.Union(operation == "Apply" ? fields : fields.Intersect(lastApplied ?? FieldSet.Empty));
                takenOverEntries.Add(entry);
            }
            else if (subresource != "status")
            {
                others = others.Union(fields);
            }
        }

        if (takenOverEntries.Count == 0 && lastApplied is not null)
        {
            takenOver = lastApplied;
        }

        return new LiveOwnership(ours, takenOver, others, hasOurEntry, takenOverEntries);
    }

    /// <summary>
    /// True when the object carries kubectl's last-applied record and its fields decide what is taken over: no entry
    /// owns them (an object from before managedFields, or with them cleared), or an update entry is to be cut down to them.
    /// </summary>
    public static bool NeedsLastAppliedFields(JsonObject live)
    {
        var taken = Entries(live).Select(Identity).Where(e => FieldManagers.IsTakenOver(e.Manager, e.Operation, e.Subresource)).ToList();
        return live["metadata"]?["annotations"]?[FieldManagers.LastAppliedAnnotation] is JsonValue
            && (taken.Count == 0 || taken.Any(e => e.Operation != "Apply"));
    }

    private static (string Manager, string Operation, string? Subresource) Identity(JsonObject entry) =>
        (entry["manager"]?.ToString() ?? "", entry["operation"]?.ToString() ?? "", entry["subresource"]?.ToString() is { Length: > 0 } s ? s : null);

    private static IEnumerable<JsonObject> Entries(JsonObject live) =>
        (live["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>();
}
