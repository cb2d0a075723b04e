using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>
/// GET /applications: the app list, filtered and paged on the server. A query it cannot read (or a page past the last)
/// is a 400 page naming the parameter, read before the state is.
/// </summary>
internal static class AppListEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications", async (HttpRequest request, StateQueries state, CancellationToken cancellationToken) =>
        {
            var reading = AppListQueryReader.Read(request.Query);
            if (reading is not AppListQueryReading.Valid { Query: var query })
            {
                // A reading is valid or invalid: its constructor is private to the two.
                return BadQuery((AppListQueryReading.Invalid)reading);
            }

            var page = AppListPage.Of(await state.ListAsync(cancellationToken), query);
            return query.Page > page.Pages
                ? BadQuery(new AppListQueryReading.Invalid(AppListQueryReader.Page, $"Page {query.Page} is past the last page of this list, {page.Pages}."))
                : Results.RazorSlice<Slices.AppList, AppListPage>(page);
        });

    public static IResult BadQuery(AppListQueryReading.Invalid invalid) =>
        Results.RazorSlice<Slices.AppListBadQuery, AppListQueryReading.Invalid>(invalid, StatusCodes.Status400BadRequest);
}
