using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Apply;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>POST to a collection: validate, stamp server-owned metadata, store unless it exists.</summary>
internal sealed class CreateVerb(ClusterState cluster, Admission.Admission admission, Reactions reactions)
{
    // kube-apiserver's generateName alphabet: no vowels, no look-alike characters.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public JsonObject Create(ResourceType type, string? urlNamespace, JsonObject body, WriteOptions options)
    {
        Checks.BodyMatchesUrl(type, body, urlNamespace);
        var name = body.Name();
        if (name.Length == 0 && body.Metadata().String("generateName") is { Length: > 0 } prefix)
        {
            name = prefix + RandomNumberGenerator.GetString(SuffixAlphabet, 5);
            body.Metadata()["name"] = name;
        }

        Checks.NameIsValid(type, name);
        var ns = body.Namespace();
        Checks.NamespaceAcceptsContent(cluster, type, ns, name);
        ObjectLifecycle.PrepareCreate(type, body, cluster.Now);
        admission.OnCreate(type, body, options);
        if (type.ModelType is { } model)
        {
            // Dropped before ownership is recorded, so nobody owns a field that was never stored.
            GoOmitEmpty.Prune(body, model);
        }

        FieldOwnership.RecordUpdate(type, null, body, options.Manager, ObjectFields.Timestamp(cluster.Now));
        var result = cluster.Store.Change(
            type,
            ns,
            name,
            current => current is null ? new StoreChange.Write(body) : throw Errors.AlreadyExists(type, name),
            options.DryRun);
        if (!options.DryRun)
        {
            reactions.AfterChange(type, result);
        }

        return result.Object;
    }
}
