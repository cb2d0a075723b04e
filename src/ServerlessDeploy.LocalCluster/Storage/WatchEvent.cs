using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>One change as a watch delivers it: ADDED, MODIFIED or DELETED with the object after the change.</summary>
internal sealed record WatchEvent(string Type, string GroupResource, long Revision, JsonObject Object);
