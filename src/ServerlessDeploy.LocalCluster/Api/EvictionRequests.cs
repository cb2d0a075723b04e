using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>Maps a POST on .../pods/{name}/eviction to the evict verb; the subresource takes nothing else.</summary>
internal sealed class EvictionRequests(EvictVerb evict)
{
    public async Task HandleAsync(HttpContext context, ResourceType type, ObjectTarget target)
    {
        var request = context.Request;
        if (request.Method != "POST")
        {
            throw Errors.MethodNotAllowed(request.Method);
        }

        var eviction = HttpResponses.ParseObject(await HttpResponses.ReadBodyAsync(request), HttpResponses.MediaType(request));
        var options = DeleteOptions.From(request.Query, eviction["deleteOptions"] as System.Text.Json.Nodes.JsonObject);
        await HttpResponses.WriteAsync(context, 201, evict.Evict(type, target, eviction, options));
    }
}
