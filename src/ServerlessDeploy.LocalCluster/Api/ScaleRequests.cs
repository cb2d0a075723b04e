using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>Maps an HTTP request on .../{name}/scale to the scale verb; every answer is the resulting Scale.</summary>
internal sealed class ScaleRequests(ScaleVerb scale)
{
    public async Task HandleAsync(HttpContext context, ResourceType type, ObjectTarget target)
    {
        var request = context.Request;
        if (request.Method == "GET")
        {
            await HttpResponses.WriteAsync(context, 200, scale.Read(type, target));
            return;
        }

        var options = WriteOptions.From(request);
        var answer = (request.Method, HttpResponses.MediaType(request)) switch
        {
            ("PUT", var mediaType) => scale.Update(type, target, HttpResponses.ParseObject(await HttpResponses.ReadBodyAsync(request), mediaType), options),
            // kube-apiserver takes apply here too; this server applies to whole objects only, and says so.
            ("PATCH", "application/apply-patch+yaml") => throw Errors.BadRequest("apply to the scale subresource is not supported by this server"),
            ("PATCH", var mediaType) => scale.Patch(type, target, mediaType, await HttpResponses.ReadBodyAsync(request), options),
            _ => throw Errors.MethodNotAllowed(request.Method),
        };
        await HttpResponses.WriteAsync(context, 200, answer, options.Warnings);
    }
}
