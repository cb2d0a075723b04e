using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.Dashboard.Resources;
using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Tree;

/// <summary>
/// GET /applications/{name}/tree: the app → its resources → what they own, live, drawn as SVG with a list beside, as a
/// page of its own; GET /applications/{name}/tree/panel: the same tree alone, which the app page loads inline.
/// </summary>
internal static class TreeEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/applications/{app}/tree", async (string app, [FromServices] IStateReads reads, [FromServices] TreeBuilder trees, CancellationToken cancellationToken) =>
            await ReadAsync(app, reads, trees, cancellationToken) is { } page
                ? Results.RazorSlice<Slices.TreePages.TreeDiagram, TreePage>(page)
                : AppPageEndpoints.NotFound(app));

        endpoints.MapGet("/applications/{app}/tree/panel", async (string app, [FromServices] IStateReads reads, [FromServices] TreeBuilder trees, CancellationToken cancellationToken) =>
            await ReadAsync(app, reads, trees, cancellationToken) is { } page
                ? Results.RazorSlice<Slices.TreePages.TreePanel, TreePage>(page)
                : AppPageEndpoints.NotFound(app));
    }

    /// <summary>Null when the state has no app by that name.</summary>
    private static async Task<TreePage?> ReadAsync(string app, IStateReads reads, TreeBuilder trees, CancellationToken cancellationToken) =>
        await reads.GetAppAsync(app, cancellationToken) is { } state
            ? new TreePage(app, await trees.BuildAsync(AppViews.Detail(state, []), RecordedApplication.Of(state, []), cancellationToken))
            : null;
}
