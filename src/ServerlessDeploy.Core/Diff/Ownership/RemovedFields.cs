using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>
/// Finds what server-side apply would remove: fields Git owns in the live object (our entry plus those a sync takes
/// over) that the rendered manifest no longer sets, and that no other manager owns. List items are matched by the
/// key fields their "k:" segments name, which the API server took from the schema, so no list table is needed here.
/// </summary>
internal static class RemovedFields
{
    private const string LastAppliedPointer = "/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration";

    public static IReadOnlyList<RemovedField> Find(JsonObject desired, JsonObject live, LiveOwnership ownership)
    {
        var found = new List<RemovedField>();
        var walk = new Walk(ownership.Others, found);
        walk.Object(ownership.Git, desired, live, new Position("", "", []), new HashSet<string>());
        found.RemoveAll(r => r.Location == LastAppliedPointer);
        return found;
    }

    private sealed record Position(string Path, string Pointer, IReadOnlyList<string> Segments)
    {
        public Position Field(string name, string segment) =>
            new(Path.Length == 0 ? name : $"{Path}.{name}", $"{Pointer}/{Escape(name)}", [.. Segments, segment]);

        public Position Item(int index, string label, string segment) =>
            new($"{Path}[{label}]", $"{Pointer}/{index}", [.. Segments, segment]);

        private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    private sealed class Walk(FieldSet others, List<RemovedField> found)
    {
        public void Object(FieldSet owned, JsonNode? desired, JsonObject live, Position at, HashSet<string> keyFields)
        {
            foreach (var (segment, child) in owned.Children)
            {
                if (!segment.StartsWith("f:", StringComparison.Ordinal) || keyFields.Contains(segment[2..]))
                {
                    continue;
                }

                var name = segment[2..];
                if (live[name] is not { } liveValue)
                {
                    continue;
                }

                var next = at.Field(name, segment);
                if (desired is JsonObject want && want[name] is { } wanted)
                {
                    Descend(child, wanted, liveValue, next);
                }
                else
                {
                    Removed(child, liveValue, next);
                }
            }
        }

        private void Descend(FieldSet owned, JsonNode desired, JsonNode live, Position at)
        {
            switch (live)
            {
                case JsonObject obj when !owned.IsEmpty:
                    Object(owned, desired, obj, at, new HashSet<string>());
                    break;
                case JsonArray list when !owned.IsEmpty:
                    List(owned, desired as JsonArray, list, at);
                    break;
            }
        }

        private void List(FieldSet owned, JsonArray? desired, JsonArray live, Position at)
        {
            foreach (var (segment, child) in owned.Children)
            {
                if (segment.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(segment[2..]) is JsonObject key)
                {
                    Item(child, key, desired, live, at, segment);
                }
                else if (segment.StartsWith("v:", StringComparison.Ordinal) && JsonNode.Parse(segment[2..]) is var member)
                {
                    var index = IndexOf(live, item => JsonNode.DeepEquals(item, member));
                    if (index >= 0 && (desired is null || !desired.Any(item => JsonNode.DeepEquals(item, member))))
                    {
                        Removed(child, live[index], at.Item(index, member?.ToJsonString() ?? "null", segment));
                    }
                }
            }
        }

        private void Item(FieldSet owned, JsonObject key, JsonArray? desired, JsonArray live, Position list, string segment)
        {
            var index = IndexOf(live, item => Matches(item as JsonObject, key));
            if (index < 0 || live[index] is not JsonObject liveItem)
            {
                return;
            }

            var label = string.Join(',', key.Select(p => $"{p.Key}={(p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString())}"));
            var at = list.Item(index, label, segment);
            var wanted = desired?.FirstOrDefault(item => Matches(item as JsonObject, key));
            if (wanted is JsonObject)
            {
                Object(owned, wanted, liveItem, at, key.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
            }
            else if (owned.Has(FieldSet.Self) && !others.Touches(at.Segments))
            {
                found.Add(new RemovedField(at.Path, at.Pointer, liveItem.DeepClone()));
            }
            else
            {
                Object(owned, null, liveItem, at, key.Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
            }
        }

        /// <summary>A field Git no longer sets: removed as a whole when nobody else owns any of it, else part by part.</summary>
        /// <param name="live">Null for a set member that is JSON null (v:null).</param>
        private void Removed(FieldSet owned, JsonNode? live, Position at)
        {
            if (!others.Touches(at.Segments))
            {
                found.Add(new RemovedField(at.Path, at.Pointer, OwnedPart(owned, live)));
            }
            else if (!owned.IsEmpty && !others.Owns(at.Segments))
            {
                switch (live)
                {
                    case JsonObject obj:
                        Object(owned, null, obj, at, new HashSet<string>());
                        break;
                    case JsonArray list:
                        List(owned, null, list, at);
                        break;
                }
            }
        }

        /// <summary>The part of a live value the field set covers: what the diff shows as going away.</summary>
        private static JsonNode? OwnedPart(FieldSet owned, JsonNode? live)
        {
            if (owned.IsEmpty || live is not JsonObject obj)
            {
                return live?.DeepClone();
            }

            var part = new JsonObject();
            foreach (var (segment, child) in owned.Children)
            {
                if (segment.StartsWith("f:", StringComparison.Ordinal) && obj[segment[2..]] is { } value)
                {
                    part[segment[2..]] = OwnedPart(child, value);
                }
            }

            return part.Count == 0 ? live.DeepClone() : part;
        }

        private static int IndexOf(JsonArray list, Func<JsonNode?, bool> match)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (match(list[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// An item with the key's values. A key field the item leaves out is one the API server defaults (a port's
        /// protocol), so it matches.
        /// </summary>
        private static bool Matches(JsonObject? item, JsonObject key) =>
            item is not null && key.All(p => item[p.Key] is not { } value || JsonNode.DeepEquals(value, p.Value));
    }
}
