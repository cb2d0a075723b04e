using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Apply;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>PATCH with application/apply-patch+yaml: server-side apply, creating the object when it does not exist.</summary>
internal sealed class ApplyVerb(ClusterState cluster, Admission.Admission admission, Reactions reactions)
{
    public (JsonObject Object, bool Created) Apply(ResourceType type, ObjectTarget target, string body, WriteOptions options)
    {
        var manager = options.FieldManager ?? throw Errors.BadRequest("PATCH requests with apply content type must specify fieldManager");
        if (target.Subresource is not null)
        {
            throw Errors.BadRequest($"apply to the {target.Subresource} subresource is not supported by this server");
        }

        var config = HttpResponses.ParseObject(body, "application/apply-patch+yaml");
        Checks.BodyMatchesUrl(type, config, target.Namespace);
        if (config.Name() != target.Name)
        {
            throw Errors.BadRequest($"the name of the object ({config.Name()}) does not match the name on the URL ({target.Name})");
        }

        Checks.NameIsValid(type, target.Name);
        // The manager owns what it sent, not what defaulting adds to it (a Service port's protocol), as kube-apiserver records it.
        var sent = (JsonObject)config.DeepClone();
        admission.OnUpdate(type, config, options);
        var exists = cluster.Store.Contains(type, target.Namespace ?? "", target.Name);
        if (!exists)
        {
            Checks.NamespaceAcceptsContent(cluster, type, config.Namespace(), target.Name);
        }

        var now = ObjectFields.Timestamp(cluster.Now);
        var result = cluster.Store.Change(type, target.Namespace ?? "", target.Name, current =>
        {
            if (current is null)
            {
                var created = ServerSideApply.Apply(type, null, config, sent, manager, options.Force, now);
                ObjectLifecycle.PrepareCreate(type, created, cluster.Now);
                admission.OnCreate(type, created, options);
                return new StoreChange.Write(created);
            }

            var merged = ServerSideApply.Apply(type, current, config, sent, manager, options.Force, now);
            Admission.ImmutableFields.Check(type, current, merged);
            return UpdateDecision.Decide(type, current, merged, null);
        }, options.DryRun);
        if (!options.DryRun)
        {
            reactions.AfterChange(type, result);
        }

        return (result.Object, result.Change is StoreChange.Write && !exists);
    }
}
