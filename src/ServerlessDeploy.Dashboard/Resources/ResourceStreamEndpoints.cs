using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.Dashboard.Live;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// GET /applications/{name}/resource/stream?group=&amp;kind=&amp;namespace=&amp;name=: server-sent events while a resource's
/// page is open, each the page's body (live and desired manifests, diff, health, events) as it stands. Git is rendered
/// again only when the app's record names another revision, overrides or Application; the live object and its events
/// are read each time. Refused as the page is: without kind and name, or for an app the state does not have.
/// </summary>
internal static class ResourceStreamEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{app}/resource/stream", async (
            string app, [FromQuery] string? group, [FromQuery] string? kind, [FromQuery(Name = "namespace")] string? ns, [FromQuery] string? name, HttpContext context,
            [FromServices] IStateReads reads, [FromServices] IDesiredManifests desired, [FromServices] ILiveResources live, [FromServices] ResourceEvents events,
            [FromServices] LiveOptions options, [FromServices] TimeProvider time) =>
        {
            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
            {
                return ResourcePageEndpoints.Unnamed();
            }

            if (await reads.GetAppAsync(app, context.RequestAborted) is null)
            {
                return AppPageEndpoints.NotFound(app);
            }

            var key = new ResourceKey(group ?? "", kind, ns ?? "", name);
            // What Git was last rendered for (revision, overrides, Application); nothing yet.
            var rendering = (Source: "", Comparer: new AppComparer(new OnceRendered(desired), live));
            await LiveStream.RunAsync(context, async stopped =>
            {
                if (await RecordedApplication.LoadAsync(reads, app, stopped) is not { } recorded)
                {
                    return null;
                }

                var source = $"{recorded.ComparedRevision}\n{string.Join('\n', recorded.State.ImageOverrides)}\n{recorded.State.Manifest}";
                if (rendering.Source != source)
                {
                    rendering = (source, new AppComparer(new OnceRendered(desired), live));
                }

                var page = await ResourcePageEndpoints.ReadAsync(recorded, key, rendering.Comparer, events, stopped);
                return await Fragments.RenderAsync(Slices.ResourcePages.ResourceBody.Create(page), stopped);
            }, options, time);
            return Results.Empty;
        });
}
