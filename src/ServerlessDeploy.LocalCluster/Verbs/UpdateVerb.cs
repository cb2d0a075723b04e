using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>PUT of an object or its status: replace it, with the resourceVersion as an optimistic lock when given.</summary>
internal sealed class UpdateVerb(ClusterState cluster, Admission.Admission admission, StoredUpdate update)
{
    public JsonObject Update(ResourceType type, ObjectTarget target, JsonObject body, WriteOptions options)
    {
        Checks.BodyMatchesUrl(type, body, target.Namespace);
        if (body.Name() != target.Name)
        {
            throw Errors.BadRequest($"the name of the object ({body.Name()}) does not match the name on the URL ({target.Name})");
        }

        Checks.NameIsValid(type, target.Name);
        admission.OnUpdate(type, body, options);
        // A copy each time: the decision edits what it is given, and runs again when the object changed meanwhile.
        return update.Run(type, target, options.DryRun, current =>
            UpdateDecision.Decide(type, current, (JsonObject)body.DeepClone(), target.Subresource, options.Manager, ObjectFields.Timestamp(cluster.Now)));
    }
}
