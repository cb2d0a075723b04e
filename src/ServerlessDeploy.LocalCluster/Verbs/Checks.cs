using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Verbs;

/// <summary>The checks every write makes on a request body before it reaches the store.</summary>
internal static class Checks
{
    /// <summary>The body must name the kind the URL names, and the namespace the URL names (filled in when absent).</summary>
    public static void BodyMatchesUrl(ResourceType type, JsonObject body, string? urlNamespace)
    {
        var apiVersion = body.String("apiVersion");
        // kube-apiserver's decoder takes a missing kind from the URL (typed clients often leave it out).
        var kind = body.String("kind") is { Length: > 0 } named ? named : type.Kind;
        if (kind != type.Kind || (apiVersion is not null && apiVersion != type.GroupVersion))
        {
            throw Errors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.GroupVersion}) or kind ({kind}) does not match {type.Kind}");
        }

        var metadata = body.Metadata();
        var ns = body.Namespace();
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        if (ns.Length > 0 && urlNamespace is not null && ns != urlNamespace)
        {
            throw Errors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = urlNamespace ?? ns;
    }

    public static void NameIsValid(ResourceType type, string name)
    {
        var errors = NameRules.Check(type, name);
        if (errors.Count > 0)
        {
            throw Errors.Invalid(type, name, errors);
        }
    }

    /// <summary>A namespaced object needs its namespace to exist and not be terminating.</summary>
    public static void NamespaceAcceptsContent(ClusterState cluster, ResourceType type, string ns, string name)
    {
        if (!type.Namespaced)
        {
            return;
        }

        var namespaces = cluster.Registry.BuiltIn("", "v1", "namespaces");
        var found = cluster.Store.Get(namespaces, "", ns) ?? throw Errors.NamespaceNotFound(ns);
        if (found.IsDeleting())
        {
            throw Errors.Forbidden(type, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }
}
