using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Objects;

/// <summary>The metadata kube-apiserver owns: set on create, carried over on update, never taken from the client.</summary>
internal static class ObjectLifecycle
{
    private static readonly string[] ServerOwned = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink"];

    public static void PrepareCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        var metadata = obj.Metadata();
        foreach (var field in ServerOwned)
        {
            metadata.Remove(field);
        }

        metadata.Remove("resourceVersion");
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = ObjectFields.Timestamp(now);
        metadata["generation"] = 1;
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        if (type.HasStatus)
        {
            obj.Remove("status");
        }
    }

    /// <summary>Carries what the client may not change from <paramref name="current"/> into <paramref name="next"/>.</summary>
    public static void PrepareUpdate(ResourceType type, JsonObject current, JsonObject next, string? subresource)
    {
        var nextMeta = next.Metadata();
        var currentMeta = current.Metadata();
        foreach (var field in ServerOwned)
        {
            nextMeta[field] = currentMeta[field]?.DeepClone();
            if (nextMeta[field] is null)
            {
                nextMeta.Remove(field);
            }
        }

        next["apiVersion"] = type.GroupVersion;
        next["kind"] = type.Kind;
        if (subresource == "status")
        {
            KeepAllBut(current, next, "status");
            return;
        }

        if (type.HasStatus)
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }

        if (!ObjectFields.SpecEquals(current, next))
        {
            nextMeta["generation"] = (ObjectFields.Long(currentMeta["generation"]) ?? 0) + 1;
        }
    }

    /// <summary>For writes to a subresource: everything except <paramref name="field"/> stays as it is stored.</summary>
    private static void KeepAllBut(JsonObject current, JsonObject next, string field)
    {
        var kept = next[field]?.DeepClone();
        var names = next.Select(p => p.Key).ToList();
        foreach (var name in names)
        {
            next.Remove(name);
        }

        foreach (var (name, value) in current)
        {
            if (name != field)
            {
                next[name] = value?.DeepClone();
            }
        }

        if (kept is not null)
        {
            next[field] = kept;
        }
    }
}
