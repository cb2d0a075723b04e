using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>
/// GET /stream/applications?filters: server-sent events while the app list is open, each the list's page for the same
/// query (counts, rows, pager) as it stands, sent again whenever any app's status changes how it renders. A query the list
/// would refuse is refused here the same way, before the state is read.
/// </summary>
internal static class AppListStreamEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/stream/applications", async (HttpContext context, [FromServices] StateQueries state, [FromServices] LiveOptions options, [FromServices] TimeProvider time) =>
        {
            var reading = AppListQueryReader.Read(context.Request.Query);
            if (reading is not AppListQueryReading.Valid { Query: var query })
            {
                // A reading is valid or invalid: its constructor is private to the two.
                return AppListEndpoints.BadQuery((AppListQueryReading.Invalid)reading);
            }

            await LiveStream.RunAsync(context, async stopped => await Fragments.RenderAsync(Slices.AppListRows.Create(AppListPage.Of(await state.ListAsync(stopped), query)), stopped), options, time);
            return Results.Empty;
        });
}
