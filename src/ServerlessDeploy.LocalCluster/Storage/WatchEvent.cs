using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>One change as a watch delivers it: ADDED, MODIFIED or DELETED with the object after the change.</summary>
internal sealed class WatchEvent(string type, string groupResource, long revision, string json)
{
    // Parsed once, on first use and outside the store's lock, then shared by every watcher of the change.
    private readonly Lazy<JsonObject> _object = new(() => ObjectJson.Parse(json));

    public string Type => type;

    public string GroupResource => groupResource;

    public long Revision => revision;

    public JsonObject Object => _object.Value;
}
