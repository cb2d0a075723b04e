using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>The object after a change (or as it would be, for a dry run) and the change that was decided.</summary>
internal sealed record StoreResult(JsonObject Object, StoreChange Change)
{
    public bool Removed => Change is StoreChange.Remove;
}
