using System.Text;
using System.Text.Json.Nodes;
using DiffPlex.Renderer;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Diff.Ownership;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Diff;

/// <summary>
/// Compares what Git wants with what the cluster has: the fields Git specifies, and the fields Git owned and no longer
/// specifies (removals, read from managedFields). Secret values masked.
/// </summary>
internal static class Differ
{
    /// <param name="ownership">
    /// Who owns what in the live object: a field Git owned there and no longer sets is drift (the next apply removes
    /// it). By default read from the live object's managedFields; <see cref="LiveOwnership.None"/> compares only the
    /// fields Git sets.
    /// </param>
    public static ResourceDiff Compare(Manifest desired, JsonObject? live, IReadOnlyList<IgnoreDifference> ignore, LiveOwnership? ownership = null)
    {
        if (live is null)
        {
            // Normalized when the text is read, not now: a first sync of a thousand resources would otherwise hold a
            // second copy of every manifest for a text it never shows (the manifest is not changed after it is compared).
            return new ResourceDiff(desired.Key, SyncStatus.Missing, [], () => Unified(null, Masked(desired.Key, FieldProjection.Normalize(desired.Json), null), desired.Key));
        }

        var want = FieldProjection.Normalize(desired.Json);

        var have = FieldProjection.Project(want, live) as JsonObject ?? [];
        var pointers = IgnoredFields.PointersFor(desired.Key, live, ignore);
        var removed = RemovedFields.Find(want, live, ownership ?? LiveOwnership.Of(live)).Where(r => !IgnoredFields.Covers(pointers, r.Location)).ToList();
        foreach (var field in removed)
        {
            FieldProjection.Insert(have, field.Location, field.Value);
        }

        foreach (var pointer in pointers)
        {
            IgnoredFields.Remove(want, pointer);
            IgnoredFields.Remove(have, pointer);
        }

        var changed = new List<string>();
        FieldProjection.Differences(want, have, "", changed);
        changed.AddRange(removed.Select(r => r.Path));
        if (changed.Count == 0)
        {
            return new ResourceDiff(desired.Key, SyncStatus.Synced, [], "");
        }

        return new ResourceDiff(desired.Key, SyncStatus.OutOfSync, changed, () => Unified(Masked(desired.Key, have, want, fromGit: false), Masked(desired.Key, want, have), desired.Key))
        {
            RemovedFields = removed.Select(r => r.Path).ToList(),
        };
    }

    /// <summary>
    /// True when two versions of an object agree on every field Git specifies: used to confirm a client-side
    /// difference against the server's dry-run result, so values the API server fills in are never drift.
    /// </summary>
    public static bool SameOnDesiredFields(Manifest desired, JsonObject a, JsonObject b)
    {
        var want = FieldProjection.Normalize(desired.Json);
        return JsonNode.DeepEquals(FieldProjection.Project(want, a), FieldProjection.Project(want, b));
    }

    /// <summary>A tracked resource Git no longer has.</summary>
    public static ResourceDiff Extraneous(ResourceKey key, JsonObject live) =>
        new(key, SyncStatus.Extraneous, [], () => Unified(Masked(key, live, null, fromGit: false), null, key));

    private static string Unified(JsonNode? live, JsonNode? desired, ResourceKey key)
    {
        var before = live is null ? "" : YamlWriter.Write(live);
        var after = desired is null ? "" : YamlWriter.Write(desired);
        var text = new StringBuilder().Append("--- live ").Append(key).Append('\n').Append("+++ git ").Append(key).Append('\n');
        var model = DiffPlex.DiffBuilder.InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        foreach (var line in model.Lines)
        {
            text.Append(line.Type switch
            {
                DiffPlex.DiffBuilder.Model.ChangeType.Inserted => "+",
                DiffPlex.DiffBuilder.Model.ChangeType.Deleted => "-",
                _ => " ",
            }).Append(line.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Secret values never leave the engine: each becomes "+" marks, with a different count where the two sides differ.</summary>
    private static JsonObject Masked(ResourceKey key, JsonObject obj, JsonObject? other, bool fromGit = true)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (key.Group.Length > 0 || key.Kind != "Secret")
        {
            return copy;
        }

        foreach (var field in new[] { "data", "stringData" })
        {
            if (copy[field] is JsonObject values)
            {
                foreach (var (name, value) in values.ToList())
                {
                    var same = JsonNode.DeepEquals(value, other?[field]?[name]);
                    values[name] = same || other is null || !fromGit ? "++++++++" : "+++++++++";
                }
            }
        }

        return copy;
    }
}
