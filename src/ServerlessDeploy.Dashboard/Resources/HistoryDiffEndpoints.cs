using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// GET /applications/{name}/history/{id}/diff: what one history entry deployed (its revision, repository, path and image
/// overrides, rendered again) against the live cluster now: what a rollback to it would change.
/// </summary>
internal static class HistoryDiffEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{app}/history/{id:long}/diff", async (string app, long id, [FromServices] IStateReads reads, [FromServices] AppComparer comparer, CancellationToken cancellationToken) =>
        {
            if (await RecordedApplication.LoadAsync(reads, app, cancellationToken) is not { } recorded)
            {
                return AppPageEndpoints.NotFound(app);
            }

            if ((await reads.HistoryAsync(app, cancellationToken)).FirstOrDefault(h => h.Id == id) is not { } entry)
            {
                return Results.RazorSlice<Slices.NotFound, string>($"{app} has no history entry {id}.", StatusCodes.Status404NotFound);
            }

            var heading = $"{app}: history {id} ({entry.Revision}) against the live state";
            if (recorded.Application is not { } application)
            {
                return Results.RazorSlice<Slices.ResourcePages.DiffList, DiffPage>(new DiffPage(app, heading, null, [recorded.Problem ?? "no Application is recorded"]));
            }

            var then = application with { Source = application.Source with { RepoUrl = entry.RepoUrl, Path = entry.Path } };
            var comparison = await comparer.CompareAsync(then, entry.Revision, entry.ImageOverrides, AppDiffEndpoints.RecordedKeys(recorded.State), cancellationToken);
            return Results.RazorSlice<Slices.ResourcePages.DiffList, DiffPage>(new DiffPage(app, heading, comparison, comparison.Problems));
        });
}
