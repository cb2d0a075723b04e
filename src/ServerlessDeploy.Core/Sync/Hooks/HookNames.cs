using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Sync.Hooks;

/// <summary>
/// Names a hook written with only <c>metadata.generateName</c> the way Argo CD does, so that a sync resumed after
/// an interruption finds the hook it already created: prefix + first 7 characters of the revision + phase + start
/// time in Unix seconds, lower-cased ("migrate-1a2b3c4-presync-1767225600").
/// </summary>
internal static class HookNames
{
    public static string Generate(string generateName, string revision, SyncPhase phase, DateTimeOffset startedAt)
    {
        var shortRevision = revision.Length > 7 ? revision[..7] : revision;
        var seconds = startedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return generateName + $"{shortRevision}-{phase}-{seconds}".ToLowerInvariant();
    }

    public static string? GenerateNameOf(JsonObject obj) =>
        obj["metadata"]?["generateName"] is JsonValue value && value.TryGetValue<string>(out var prefix) ? prefix : null;

    /// <summary>A copy of the object with <c>metadata.name</c> set.</summary>
    public static JsonObject WithName(JsonObject obj, string name)
    {
        var copy = obj.DeepClone().AsObject();
        if (copy["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            copy["metadata"] = metadata;
        }

        metadata["name"] = name;
        return copy;
    }
}
