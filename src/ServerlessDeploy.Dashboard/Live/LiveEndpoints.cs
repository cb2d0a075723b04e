using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>
/// GET /applications/{name}/stream: server-sent events while the app page is open, each the status panel as it stands
/// (see <see cref="LiveStream"/>). The list's stream is <see cref="AppListStreamEndpoints"/>, a resource's
/// <see cref="Resources.ResourceStreamEndpoints"/>.
/// </summary>
internal static class LiveEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{name}/stream", async (string name, HttpContext context, [FromServices] StateQueries state, [FromServices] LiveOptions options, [FromServices] TimeProvider time) =>
        {
            if (await state.GetAsync(name, context.RequestAborted) is null)
            {
                return AppPageEndpoints.NotFound(name);
            }

            await LiveStream.RunAsync(context, async stopped => await state.GetAsync(name, stopped) is { } app ? await StatusFragment.RenderAsync(app, stopped) : null, options, time);
            return Results.Empty;
        });
}
