using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>Maps an HTTP request on a resource URL to its verb, and the verb's outcome to the response.</summary>
internal sealed class ResourceHandler(ClusterState cluster, ResourceVerbs verbs)
{
    private readonly ScaleRequests _scale = new(verbs.Scale);
    private readonly EvictionRequests _eviction = new(verbs.Evict);

    public async Task HandleAsync(HttpContext context, RequestTarget target)
    {
        var type = Resolve(target);
        if (target is { Subresource: ScaleVerb.Subresource, Object: { } scaled })
        {
            await _scale.HandleAsync(context, type, scaled);
            return;
        }

        if (target is { Subresource: EvictVerb.Subresource, Object: { } evicted })
        {
            await _eviction.HandleAsync(context, type, evicted);
            return;
        }

        var request = context.Request;
        switch (request.Method, target.Object)
        {
            case ("GET", null):
                await ListAsync(context, type, target);
                break;
            case ("GET", { } one):
                var found = cluster.Store.Get(type, one.Namespace ?? "", one.Name) ?? throw Errors.NotFound(type, one.Name);
                await WriteObjectAsync(context, 200, type, found);
                break;
            case ("POST", null):
                var options = WriteOptions.From(request);
                var body = HttpResponses.ParseObject(await HttpResponses.ReadBodyAsync(request), HttpResponses.MediaType(request));
                var created = verbs.Create.Create(type, target.Namespace, body, options);
                await WriteObjectAsync(context, 201, type, created, options.Warnings);
                break;
            case ("PUT", { } one):
                options = WriteOptions.From(request);
                body = HttpResponses.ParseObject(await HttpResponses.ReadBodyAsync(request), HttpResponses.MediaType(request));
                await WriteObjectAsync(context, 200, type, verbs.Update.Update(type, one, body, options), options.Warnings);
                break;
            case ("PATCH", { } one) when HttpResponses.MediaType(request) == "application/apply-patch+yaml":
                options = WriteOptions.From(request);
                var (applied, wasCreated) = verbs.Apply.Apply(type, one, await HttpResponses.ReadBodyAsync(request), options);
                await WriteObjectAsync(context, wasCreated ? 201 : 200, type, applied, options.Warnings);
                break;
            case ("PATCH", { } one):
                options = WriteOptions.From(request);
                var patched = verbs.Patch.Patch(type, one, HttpResponses.MediaType(request), await HttpResponses.ReadBodyAsync(request), options);
                await WriteObjectAsync(context, 200, type, patched, options.Warnings);
                break;
            case ("DELETE", { } one):
                await DeleteAsync(context, type, one);
                break;
            case ("DELETE", null):
                await DeleteCollectionAsync(context, type, target);
                break;
            default:
                throw Errors.MethodNotAllowed(request.Method);
        }
    }

    private ResourceType Resolve(RequestTarget target)
    {
        var type = cluster.Registry.Find(target.Group, target.Version, target.Plural) ?? throw Errors.PathNotFound();
        var scopeFits = type.Namespaced ? target.Namespace is not null || target.Name is null : target.Namespace is null;
        var subresourceFits = target.Subresource switch
        {
            null => true,
            "status" => type.HasStatus,
            ScaleVerb.Subresource => type.HasScale,
            EvictVerb.Subresource => EvictVerb.Serves(type),
            _ => false,
        };
        return scopeFits && subresourceFits ? type : throw Errors.PathNotFound();
    }

    private async Task ListAsync(HttpContext context, ResourceType type, RequestTarget target)
    {
        var options = ListOptions.From(context.Request.Query, type);
        if (options.Watch)
        {
            await WatchStream.ServeAsync(context, cluster.Store, type, target.Namespace, options);
            return;
        }

        var page = cluster.Store.List(type, target.Namespace, o => options.Labels.Matches(o.Labels()) && options.Fields.Matches(o), options.ContinueAfter, options.Limit);
        var revision = page.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var continueToken = page.ContinueAfter is null ? null : ListOptions.EncodeContinue(page.ContinueAfter);
        if (Tables.Wanted(context.Request.Headers.Accept))
        {
            await HttpResponses.WriteAsync(context, 200, Tables.Of(type, page.Items, revision, cluster.Now, continueToken));
            return;
        }

        var metadata = new JsonObject { ["resourceVersion"] = revision };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
            metadata["remainingItemCount"] = page.Remaining;
        }

        await HttpResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page.Items.Select(i => (JsonNode)Shown(type, i)).ToArray()),
        });
    }

    private async Task DeleteAsync(HttpContext context, ResourceType type, ObjectTarget target)
    {
        var body = await HttpResponses.ReadBodyAsync(context.Request);
        var options = DeleteOptions.From(context.Request.Query, body.Length == 0 ? null : HttpResponses.ParseObject(body, "application/json"));
        var result = verbs.Delete.Delete(type, target.Namespace ?? "", target.Name, options);
        // Pods and services answer with the deleted object (ReturnDeletedObject in kube-apiserver), as typed clients expect.
        var returnsObject = type is { Group: "", Plural: "pods" or "services" };
        var response = result.Removed && !returnsObject ? DeleteVerb.Success(type, result.Object) : Shown(type, result.Object);
        await HttpResponses.WriteAsync(context, 200, response);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceType type, RequestTarget target)
    {
        var listOptions = ListOptions.From(context.Request.Query, type);
        var body = await HttpResponses.ReadBodyAsync(context.Request);
        var options = DeleteOptions.From(context.Request.Query, body.Length == 0 ? null : HttpResponses.ParseObject(body, "application/json"));
        var matches = cluster.Store.List(type, target.Namespace, o => listOptions.Labels.Matches(o.Labels()) && listOptions.Fields.Matches(o), null, 0).Items;
        var deleted = matches.Select(o => verbs.Delete.Delete(type, o.Namespace(), o.Name(), options).Object).ToList();
        await HttpResponses.WriteAsync(context, 200, new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = cluster.Store.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray(deleted.Select(i => (JsonNode)Shown(type, i)).ToArray()),
        });
    }

    private Task WriteObjectAsync(HttpContext context, int code, ResourceType type, JsonObject obj, IEnumerable<string>? warnings = null) =>
        Tables.Wanted(context.Request.Headers.Accept)
            ? HttpResponses.WriteAsync(context, code, Tables.Of(type, [obj], obj.ResourceVersion(), cluster.Now))
            : HttpResponses.WriteAsync(context, code, Shown(type, obj), warnings);

    /// <summary>An object as served at the requested version (custom resources may be stored under another).</summary>
    private static JsonObject Shown(ResourceType type, JsonObject obj)
    {
        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
        return obj;
    }
}
