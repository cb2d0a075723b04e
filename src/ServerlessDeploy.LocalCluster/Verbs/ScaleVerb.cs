using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>
/// GET, PUT and PATCH of a workload's scale subresource. A write becomes a change of the parent's spec.replicas
/// alone, made through the store like any update, and answers the Scale of the parent as stored.
/// </summary>
internal sealed class ScaleVerb(ClusterState cluster, Admission.Admission admission, StoredUpdate update)
{
    public const string Subresource = "scale";

    public JsonObject Read(ResourceType type, ObjectTarget target) =>
        ScaleSubresource.Of(type, cluster.Store.Get(type, target.Namespace ?? "", target.Name) ?? throw Errors.NotFound(type, target.Name));

    public JsonObject Update(ResourceType type, ObjectTarget target, JsonObject body, WriteOptions options)
    {
        Checks.BodyMatchesUrl(ScaleSubresource.Type, body, target.Namespace);
        admission.OnUpdate(ScaleSubresource.Type, body, options);
        return Resize(type, target, options, _ => body);
    }

    public JsonObject Patch(ResourceType type, ObjectTarget target, string contentType, string patch, WriteOptions options)
    {
        var apply = PatchVerb.PatchFunction(ScaleSubresource.Type, contentType, patch);
        return Resize(type, target, options, current =>
        {
            var scale = apply(ScaleSubresource.Of(type, current));
            admission.OnUpdate(ScaleSubresource.Type, scale, options);
            return scale;
        });
    }

    /// <param name="scaleOf">The Scale to write, given the parent as stored (it runs again when the parent changed meanwhile).</param>
    private JsonObject Resize(ResourceType type, ObjectTarget target, WriteOptions options, Func<JsonObject, JsonObject> scaleOf)
    {
        var stored = update.Run(type, target, options.DryRun, current =>
            UpdateDecision.Decide(type, current, ScaleSubresource.Resized(type, current, scaleOf(current)), Subresource, options.Manager, ObjectFields.Timestamp(cluster.Now)));
        return ScaleSubresource.Of(type, stored);
    }
}
