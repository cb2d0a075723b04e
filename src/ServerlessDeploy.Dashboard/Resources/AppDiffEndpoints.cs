using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>GET /applications/{name}/diff: every resource of the app, Git at the revision it was last compared with against the cluster.</summary>
internal static class AppDiffEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{app}/diff", async (string app, [FromServices] IStateReads reads, [FromServices] AppComparer comparer, CancellationToken cancellationToken) =>
        {
            if (await RecordedApplication.LoadAsync(reads, app, cancellationToken) is not { } recorded)
            {
                return AppPageEndpoints.NotFound(app);
            }

            var heading = $"{app}: diff";
            if (recorded is not { Application: { } application, ComparedRevision: { } revision })
            {
                return Results.RazorSlice<Slices.ResourcePages.DiffList, DiffPage>(new DiffPage(app, heading, null, [recorded.Problem ?? "no revision is recorded for this app yet"]));
            }

            var comparison = await comparer.CompareAsync(application, revision, recorded.State.ImageOverrides, RecordedKeys(recorded.State), cancellationToken);
            return Results.RazorSlice<Slices.ResourcePages.DiffList, DiffPage>(new DiffPage(app, heading, comparison, comparison.Problems));
        });

    public static IEnumerable<ResourceKey> RecordedKeys(AppState state) => state.Resources.Select(r => new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name));
}
