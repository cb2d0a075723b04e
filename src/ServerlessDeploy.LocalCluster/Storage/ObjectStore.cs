using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>
/// The server's state: every object as JSON, one global resourceVersion counter, and the change history watches start from.
/// One lock makes each verb's read-decide-write a single step, as etcd's transactions do for kube-apiserver.
/// </summary>
internal sealed class ObjectStore
{
    private const int HistoryLimit = 20_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _objects = new(StringComparer.Ordinal);
    private readonly Queue<WatchEvent> _history = new();
    private readonly List<WatchSubscription> _watchers = [];
    private long _revision = 1;

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public JsonObject? Get(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return Table(type).TryGetValue(Key(ns, name), out var found) ? (JsonObject)found.DeepClone() : null;
        }
    }

    /// <summary>Lists in namespace/name order, from after <paramref name="continueAfter"/>, at most <paramref name="limit"/> items (0: all).</summary>
    public StoredList List(ResourceType type, string? ns, Func<JsonObject, bool> filter, string? continueAfter, int limit)
    {
        lock (_gate)
        {
            var matches = Table(type)
                .Where(p => (ns is null || p.Value.Namespace() == ns) && (continueAfter is null || string.CompareOrdinal(p.Key, continueAfter) > 0))
                .Where(p => filter(p.Value))
                .ToList();
            var page = limit > 0 ? matches.Take(limit).ToList() : matches;
            var more = page.Count < matches.Count;
            return new StoredList(
                page.Select(p => (JsonObject)p.Value.DeepClone()).ToList(),
                _revision,
                more ? page[^1].Key : null,
                matches.Count - page.Count);
        }
    }

    /// <summary>
    /// Runs <paramref name="decide"/> on a copy of the current object (null when absent) and commits what it returns,
    /// unless <paramref name="dryRun"/>. Returns the object as stored, or as it would have been stored.
    /// </summary>
    public StoreResult Change(ResourceType type, string ns, string name, Func<JsonObject?, StoreChange> decide, bool dryRun)
    {
        lock (_gate)
        {
            var table = Table(type);
            var key = Key(ns, name);
            var current = table.TryGetValue(key, out var found) ? (JsonObject)found.DeepClone() : null;
            var change = decide(current);
            if (change is StoreChange.Write { Object: var written } && type.ModelType is { } model)
            {
                GoOmitEmpty.Prune(written, model);
            }
            var result = dryRun ? change switch
            {
                StoreChange.Write w => w.Object,
                StoreChange.Remove r => r.Object,
                StoreChange.Keep k => k.Object,
                _ => throw new InvalidOperationException($"unknown change {change}"),
            } : Commit(type, table, key, current, change);
            return new StoreResult(result, change);
        }
    }

    /// <summary>Every object of every type that matches, for controllers that work across kinds (namespace cleanup, garbage collection).</summary>
    public IReadOnlyList<(string GroupResource, JsonObject Object)> FindAll(Func<JsonObject, bool> match)
    {
        lock (_gate)
        {
            return _objects.SelectMany(t => t.Value.Values.Where(match).Select(o => (t.Key, (JsonObject)o.DeepClone()))).ToList();
        }
    }

    /// <summary>Opens a watch that first replays the changes after <paramref name="fromRevision"/>; null when that history is gone.</summary>
    public WatchSubscription? Watch(long fromRevision, Func<WatchEvent, bool> filter)
    {
        lock (_gate)
        {
            if (fromRevision > 0 && _history.Count > 0 && _history.Peek().Revision > fromRevision + 1)
            {
                return null;
            }

            var subscription = new WatchSubscription(filter, Unsubscribe);
            foreach (var change in _history.Where(e => e.Revision > fromRevision))
            {
                subscription.Offer(change);
            }

            _watchers.Add(subscription);
            return subscription;
        }
    }

    private JsonObject Commit(ResourceType type, SortedDictionary<string, JsonObject> table, string key, JsonObject? current, StoreChange change)
    {
        switch (change)
        {
            case StoreChange.Keep keep:
                return keep.Object;
            case StoreChange.Write write:
                var stored = Stamp(write.Object);
                table[key] = stored;
                Publish(current is null ? "ADDED" : "MODIFIED", type, stored);
                return (JsonObject)stored.DeepClone();
            case StoreChange.Remove remove:
                var last = Stamp(remove.Object);
                table.Remove(key);
                Publish("DELETED", type, last);
                return (JsonObject)last.DeepClone();
            default:
                throw new InvalidOperationException($"unknown change {change}");
        }
    }

    private JsonObject Stamp(JsonObject obj)
    {
        // A round trip through text makes every value parsed JSON, whatever CLR type the verbs built it from.
        var stored = JsonNode.Parse(obj.ToJsonString())!.AsObject();
        stored.Metadata()["resourceVersion"] = (++_revision).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return stored;
    }

    private void Publish(string kind, ResourceType type, JsonObject obj)
    {
        var change = new WatchEvent(kind, type.GroupResource, _revision, (JsonObject)obj.DeepClone());
        _history.Enqueue(change);
        if (_history.Count > HistoryLimit)
        {
            _history.Dequeue();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }
    }

    private SortedDictionary<string, JsonObject> Table(ResourceType type)
    {
        if (!_objects.TryGetValue(type.GroupResource, out var table))
        {
            table = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[type.GroupResource] = table;
        }

        return table;
    }

    private static string Key(string ns, string name) => ns + "/" + name;
}
