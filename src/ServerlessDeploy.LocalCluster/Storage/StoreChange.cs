using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.Storage;

/// <summary>What a verb decided to do with an object, given its current state.</summary>
internal abstract record StoreChange
{
    private StoreChange()
    {
    }

    /// <summary>Store this object (create or update); the store stamps its resourceVersion.</summary>
    public sealed record Write(JsonObject Object) : StoreChange;

    /// <summary>Remove the object; the given form is what watchers see in the DELETED event.</summary>
    public sealed record Remove(JsonObject Object) : StoreChange;

    /// <summary>Leave the object as it is (a no-op update keeps its resourceVersion, as kube-apiserver does).</summary>
    public sealed record Keep(JsonObject Object) : StoreChange;
}
