using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>GET /applications/{name}: one app from the state; 404 with a page that says so when the state has none by that name.</summary>
internal static class AppPageEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{name}", async (string name, HttpContext context, StateQueries state, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            await state.GetAsync(name, cancellationToken) is { } detail
                ? Results.RazorSlice<Slices.AppPage, AppPageView>(new AppPageView(detail, antiforgery.GetAndStoreTokens(context)))
                : NotFound(name));

    public static IResult NotFound(string name) =>
        Results.RazorSlice<Slices.NotFound, string>($"No application named \"{name}\" has a recorded status.", StatusCodes.Status404NotFound);
}
