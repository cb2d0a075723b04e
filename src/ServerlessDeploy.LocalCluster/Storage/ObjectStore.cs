using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>
/// The server's state: every object as JSON, one global resourceVersion counter, and the change history watches start from.
/// Each verb's read-decide-write is one step, as etcd's transactions make it for kube-apiserver, and as there it is
/// optimistic: the decision is made outside the lock on a copy, and made again when the object changed meanwhile
/// (kube-apiserver's GuaranteedUpdate). The lock only guards the tables, the counter and the history, so concurrent
/// requests do not queue behind each other's merges and copies.
/// </summary>
internal sealed class ObjectStore
{
    private const int HistoryLimit = 20_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, Stored>> _objects = new(StringComparer.Ordinal);
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
        Stored? found;
        lock (_gate)
        {
            found = Table(type).GetValueOrDefault(Key(ns, name));
        }

        return found?.Copy();
    }

    public bool Contains(ResourceType type, string ns, string name)
    {
        lock (_gate)
        {
            return Table(type).ContainsKey(Key(ns, name));
        }
    }

    /// <summary>Lists in namespace/name order, from after <paramref name="continueAfter"/>, at most <paramref name="limit"/> items (0: all).</summary>
    public StoredList List(ResourceType type, string? ns, Func<JsonObject, bool> filter, string? continueAfter, int limit)
    {
        List<KeyValuePair<string, Stored>> matches;
        long revision;
        lock (_gate)
        {
            matches = Table(type)
                .Where(p => (ns is null || p.Value.Object.Namespace() == ns) && (continueAfter is null || string.CompareOrdinal(p.Key, continueAfter) > 0))
                .Where(p => filter(p.Value.Object))
                .ToList();
            revision = _revision;
        }

        var page = limit > 0 ? matches.Take(limit).ToList() : matches;
        var more = page.Count < matches.Count;
        return new StoredList(page.Select(p => p.Value.Copy()).ToList(), revision, more ? page[^1].Key : null, matches.Count - page.Count);
    }

    /// <summary>
    /// Runs <paramref name="decide"/> on a copy of the current object (null when absent) and commits what it returns,
    /// unless <paramref name="dryRun"/>. Returns the object as stored, or as it would have been stored.
    /// <paramref name="decide"/> runs again when another write to the object lands in between, so it must leave what
    /// it captured unchanged.
    /// </summary>
    public StoreResult Change(ResourceType type, string ns, string name, Func<JsonObject?, StoreChange> decide, bool dryRun)
    {
        var key = Key(ns, name);
        while (true)
        {
            Stored? seen;
            lock (_gate)
            {
                seen = Table(type).GetValueOrDefault(key);
            }

            var change = decide(seen?.Copy());
            if (change is StoreChange.Write { Object: var written } && type.ModelType is { } model)
            {
                GoOmitEmpty.Prune(written, model);
            }

            if (dryRun || change is StoreChange.Keep)
            {
                return new StoreResult(change switch
                {
                    StoreChange.Write w => w.Object,
                    StoreChange.Remove r => r.Object,
                    StoreChange.Keep k => k.Object,
                    _ => throw new InvalidOperationException($"unknown change {change}"),
                }, change);
            }

            // A round trip through text makes every value parsed JSON, whatever CLR type the verbs built it from.
            var next = change switch
            {
                StoreChange.Write w => Normalized(w.Object),
                StoreChange.Remove r => Normalized(r.Object),
                _ => throw new InvalidOperationException($"unknown change {change}"),
            };
            Stored committed;
            lock (_gate)
            {
                var table = Table(type);
                if (!ReferenceEquals(table.GetValueOrDefault(key), seen))
                {
                    continue;
                }

                committed = Commit(type, table, key, next, change is StoreChange.Remove ? "DELETED" : seen is null ? "ADDED" : "MODIFIED");
            }

            return new StoreResult(committed.Copy(), change);
        }
    }

    /// <summary>Every object of every type that matches, for controllers that work across kinds (namespace cleanup, garbage collection).</summary>
    public IReadOnlyList<(string GroupResource, JsonObject Object)> FindAll(Func<JsonObject, bool> match)
    {
        List<(string GroupResource, Stored Stored)> found;
        lock (_gate)
        {
            found = _objects.SelectMany(t => t.Value.Values.Where(s => match(s.Object)).Select(s => (t.Key, s))).ToList();
        }

        return found.Select(f => (f.GroupResource, f.Stored.Copy())).ToList();
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

    private static JsonObject Normalized(JsonObject obj) => ObjectJson.Parse(obj.ToJsonString());

    private Stored Commit(ResourceType type, SortedDictionary<string, Stored> table, string key, JsonObject next, string eventType)
    {
        next.Metadata()["resourceVersion"] = (++_revision).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = new Stored(next, next.ToJsonString());
        if (eventType == "DELETED")
        {
            table.Remove(key);
        }
        else
        {
            table[key] = stored;
        }

        var change = new WatchEvent(eventType, type.GroupResource, _revision, stored.Json);
        _history.Enqueue(change);
        if (_history.Count > HistoryLimit)
        {
            _history.Dequeue();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }

        return stored;
    }

    private void Unsubscribe(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _watchers.Remove(subscription);
        }
    }

    private SortedDictionary<string, Stored> Table(ResourceType type)
    {
        if (!_objects.TryGetValue(type.GroupResource, out var table))
        {
            table = new SortedDictionary<string, Stored>(StringComparer.Ordinal);
            _objects[type.GroupResource] = table;
        }

        return table;
    }

    private static string Key(string ns, string name) => ns + "/" + name;

    /// <summary>
    /// One stored object: its parsed form, read only under the lock (by list filters), and its text, from which
    /// every reader gets its own copy outside the lock.
    /// </summary>
    private sealed record Stored(JsonObject Object, string Json)
    {
        public JsonObject Copy() => ObjectJson.Parse(Json);
    }
}
