using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;

namespace ServerlessDeploy.Dashboard.Timeline;

/// <summary>GET /applications/{name}/timeline: each operation from its trigger through each stage to done.</summary>
internal static class TimelineEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{name}/timeline", async (string name, TimelineQuery timeline, CancellationToken cancellationToken) =>
            await timeline.GetAsync(name, cancellationToken) is { } view
                ? Results.RazorSlice<Slices.Timeline, TimelineView>(view)
                : AppPageEndpoints.NotFound(name));
}
