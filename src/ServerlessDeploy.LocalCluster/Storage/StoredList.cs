using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>A page of a list: the items, the revision it was read at, and where the next page starts (null when none).</summary>
internal sealed record StoredList(IReadOnlyList<JsonObject> Items, long Revision, string? ContinueAfter, int Remaining);
