using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Cluster;
using ServerlessDeploy.Core.Diff.Ownership;

namespace ServerlessDeploy.Core.Engine;

/// <summary>
/// The fields a kubectl last-applied-configuration sets, as the API server's schema keys them: a dry-run apply of that
/// configuration under a probe manager, read back from the probe's managedFields entry. The annotation itself is
/// kubectl's, so it is owned too (the next apply, which does not set it, removes it, as after Argo CD's migration).
/// Empty when the annotation cannot be read or the server refuses it: nothing is taken over then.
/// </summary>
internal static class LastAppliedFields
{
    public static async Task<FieldSet> ReadAsync(IClusterClient cluster, ClusterResourceType type, JsonObject live, CancellationToken cancellationToken)
    {
        if (Parse(live["metadata"]?["annotations"]?[FieldManagers.LastAppliedAnnotation]?.ToString()) is not { } configuration)
        {
            return FieldSet.Empty;
        }

        var metadata = (configuration["metadata"] ??= new JsonObject()).AsObject();
        metadata["name"] = live["metadata"]?["name"]?.DeepClone();
        metadata["namespace"] = live["metadata"]?["namespace"]?.DeepClone();
        configuration["apiVersion"] = live["apiVersion"]?.DeepClone();
        configuration["kind"] = live["kind"]?.DeepClone();
        var probe = await cluster.ApplyAsync(type, configuration, new ApplyOptions(DryRun: true, FieldManager: FieldManagers.LastAppliedProbe), cancellationToken);
        if (!probe.Succeeded || probe.Body?["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return FieldSet.Empty;
        }

        var fields = entries.OfType<JsonObject>().Where(e => e["manager"]?.ToString() == FieldManagers.LastAppliedProbe).Select(e => FieldSet.Parse(e["fieldsV1"])).FirstOrDefault();
        return fields is null ? FieldSet.Empty : fields.Union(AnnotationField);
    }

    private static readonly FieldSet AnnotationField = FieldSet.Parse(new JsonObject
    {
        ["f:metadata"] = new JsonObject { ["f:annotations"] = new JsonObject { ["f:" + FieldManagers.LastAppliedAnnotation] = new JsonObject() } },
    });

    private static JsonObject? Parse(string? text)
    {
        try
        {
            return text is null ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
