using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.Dashboard.Resources;
using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>GET /applications/{name}/tree: the app → its resources → what they own, live, drawn as SVG with a list beside.</summary>
internal static class TreeEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{app}/tree", async (string app, [FromServices] IStateReads reads, [FromServices] TreeBuilder trees, CancellationToken cancellationToken) =>
        {
            if (await reads.GetAppAsync(app, cancellationToken) is not { } state)
            {
                return AppPageEndpoints.NotFound(app);
            }

            var tree = await trees.BuildAsync(AppViews.Detail(state, []), RecordedApplication.Of(state, []), cancellationToken);
            return Results.RazorSlice<Slices.TreePages.TreeDiagram, TreePage>(new TreePage(app, tree));
        });
}
