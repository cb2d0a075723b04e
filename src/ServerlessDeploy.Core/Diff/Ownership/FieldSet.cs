using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Diff.Ownership;

/// <summary>
/// A set of fields in managedFields' FieldsV1 vocabulary, as a trie: "f:name" for a field, "k:{...}" for a list-map
/// item by its key fields, "v:..." for a set member, "." for a list item or map itself. A child with no children is a
/// whole field (a scalar, an atomic list or map).
/// </summary>
internal sealed class FieldSet
{
    public const string Self = ".";

    public static readonly FieldSet Empty = new(new Dictionary<string, FieldSet>(StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, FieldSet> _children;

    private FieldSet(IReadOnlyDictionary<string, FieldSet> children) => _children = children;

    public IEnumerable<KeyValuePair<string, FieldSet>> Children => _children;

    public bool IsEmpty => _children.Count == 0;

    public FieldSet? Child(string segment) => _children.GetValueOrDefault(segment);

    public bool Has(string segment) => _children.ContainsKey(segment);

    /// <summary>Reads a fieldsV1 trie; anything that is not an object owns nothing.</summary>
    public static FieldSet Parse(JsonNode? fieldsV1)
    {
        if (fieldsV1 is not JsonObject trie || trie.Count == 0)
        {
            return Empty;
        }

        var children = new Dictionary<string, FieldSet>(StringComparer.Ordinal);
        foreach (var (segment, child) in trie)
        {
            children[segment] = Parse(child);
        }

        return new FieldSet(children);
    }

    public FieldSet Union(FieldSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return other;
        }

        var children = new Dictionary<string, FieldSet>(_children, StringComparer.Ordinal);
        foreach (var (segment, child) in other._children)
        {
            children[segment] = children.TryGetValue(segment, out var mine) ? mine.Union(child) : child;
        }

        return new FieldSet(children);
    }

    /// <summary>
    /// The fields both sets hold. A whole field in one set keeps whatever part of it the other holds, so an
    /// Update entry cut down to what a last-applied configuration names keeps exactly those fields.
    /// </summary>
    public FieldSet Intersect(FieldSet other)
    {
        var children = new Dictionary<string, FieldSet>(StringComparer.Ordinal);
        foreach (var (segment, mine) in _children)
        {
            if (other.Child(segment) is not { } theirs)
            {
                continue;
            }

            if (mine.IsEmpty || theirs.IsEmpty)
            {
                children[segment] = mine.IsEmpty ? theirs : mine;
            }
            else if (mine.Intersect(theirs) is { IsEmpty: false } common)
            {
                children[segment] = common;
            }
        }

        return children.Count == 0 ? Empty : new FieldSet(children);
    }

    /// <summary>True when the path (a list of segments) is in the set, as a field of its own or inside one that is.</summary>
    public bool Owns(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var segment in path)
        {
            if (node.Child(segment) is not { } child)
            {
                return false;
            }

            if (child.IsEmpty)
            {
                return true;
            }

            node = child;
        }

        return true;
    }

    /// <summary>True when the path or anything below it is in the set.</summary>
    public bool Touches(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var segment in path)
        {
            if (node.Child(segment) is not { } child)
            {
                return false;
            }

            node = child;
        }

        return true;
    }

    public JsonObject ToFieldsV1()
    {
        var trie = new JsonObject();
        foreach (var (segment, child) in _children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            trie[segment] = child.ToFieldsV1();
        }

        return trie;
    }
}
