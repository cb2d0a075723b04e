using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>GET /applications: the app list, filtered and paged on the server.</summary>
internal static class AppListEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications", async (HttpRequest request, StateQueries state, CancellationToken cancellationToken) =>
        {
            var page = AppListPage.Of(await state.ListAsync(cancellationToken), AppListQuery.From(request.Query));
            return Results.RazorSlice<Slices.AppList, AppListPage>(page);
        });
}
