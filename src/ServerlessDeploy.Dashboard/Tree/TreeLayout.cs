using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Resources;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>
/// A small layered layout, done on the server: the app, then its resources in the state's order, then what each owns
/// (by ownerReferences uid), kind and name ordered. A leaf takes the next row; a parent sits on its first child's row.
/// </summary>
public sealed class TreeLayout
{
    private readonly List<TreeNode> _nodes = [];
    private readonly Dictionary<string, List<JsonObject>> _owned;
    private readonly HashSet<string> _placed = new(StringComparer.Ordinal);
    private int _nextRow;

    private TreeLayout(IReadOnlyList<JsonObject> live) =>
        _owned = live.SelectMany(o => Owners(o).Select(owner => (owner, o))).GroupBy(p => p.owner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.o).OrderBy(o => Key(o).Kind, StringComparer.Ordinal).ThenBy(o => Key(o).Name, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    public static ResourceTree Place(TreeRoot app, IReadOnlyList<TreeRoot> resources, IReadOnlyList<JsonObject> live, string? unreachable)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resources);
        var layout = new TreeLayout(live);
        var byKey = live.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var appIndex = layout.Add(app.Key, app.Health, 0, null, fromState: true);
        int? firstRow = null;
        foreach (var resource in resources)
        {
            var found = byKey.GetValueOrDefault(resource.Key);
            var health = resource.Health ?? (found is null ? null : LiveHealth.Of(found));
            var row = layout.Visit(resource.Key, health, 1, appIndex, found, fromState: true);
            firstRow ??= row;
        }

        layout.SetRow(appIndex, firstRow ?? layout._nextRow++);
        return new ResourceTree([.. layout._nodes], unreachable);
    }

    private int Visit(ResourceKey key, HealthLook? health, int depth, int parent, JsonObject? live, bool fromState)
    {
        var index = Add(key, health, depth, parent, fromState);
        int? firstRow = null;
        var uid = live is null ? null : Text(live["metadata"]?["uid"]);
        if (uid is not null && _placed.Add(uid))
        {
            foreach (var child in _owned.GetValueOrDefault(uid) ?? [])
            {
                var row = Visit(Key(child), LiveHealth.Of(child), depth + 1, index, child, fromState: false);
                firstRow ??= row;
            }
        }

        return SetRow(index, firstRow ?? _nextRow++);
    }

    private int Add(ResourceKey key, HealthLook? health, int depth, int? parent, bool fromState)
    {
        _nodes.Add(new TreeNode(key, health, depth, -1, parent, fromState));
        return _nodes.Count - 1;
    }

    private int SetRow(int index, int row)
    {
        _nodes[index] = _nodes[index] with { Row = row };
        return row;
    }

    private static IEnumerable<string> Owners(JsonObject live) =>
        (live["metadata"]?["ownerReferences"] as JsonArray ?? []).Select(o => Text(o?["uid"])).OfType<string>();

    private static ResourceKey Key(JsonObject live) => new Manifest(live).Key;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
