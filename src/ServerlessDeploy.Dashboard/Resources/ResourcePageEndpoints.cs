using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Resources;

/// <summary>
/// GET /applications/{name}/resource?group=&amp;kind=&amp;namespace=&amp;name=: one resource's live and desired manifests,
/// their diff, its events and its health. Without kind and name it is refused with one message naming what is missing.
/// </summary>
internal static class ResourcePageEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{app}/resource", async (
            string app, [FromQuery] string? group, [FromQuery] string? kind, [FromQuery(Name = "namespace")] string? ns, [FromQuery] string? name,
            [FromServices] IStateReads reads, [FromServices] AppComparer comparer, [FromServices] ResourceEvents events, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
            {
                return Unnamed();
            }

            if (await RecordedApplication.LoadAsync(reads, app, cancellationToken) is not { } recorded)
            {
                return AppPageEndpoints.NotFound(app);
            }

            var key = new ResourceKey(group ?? "", kind, ns ?? "", name);
            return Results.RazorSlice<Slices.ResourcePages.ResourceDetail, ResourcePage>(await ReadAsync(recorded, key, comparer, events, cancellationToken));
        });

    /// <summary>The one refusal of a resource view that does not say which resource.</summary>
    public static IResult Unnamed() =>
        Results.RazorSlice<Slices.NotFound, string>("A resource is named by kind and name (and group and namespace where it has them): kind or name is missing.", StatusCodes.Status400BadRequest);

    public static async Task<ResourcePage> ReadAsync(RecordedApplication recorded, ResourceKey key, AppComparer comparer, ResourceEvents events, CancellationToken cancellationToken)
    {
        var state = recorded.State;
        var onRecord = AppViews.Detail(state, []).Resources.FirstOrDefault(r => new ResourceKey(r.Group, r.Kind, r.Namespace, r.Name) == key);
        if (recorded is not { Application: { } application, ComparedRevision: { } revision })
        {
            return new ResourcePage(state.App, key, onRecord, null, [], [recorded.Problem ?? "no revision is recorded for this app yet"]);
        }

        var look = await comparer.CompareOneAsync(application, revision, state.ImageOverrides, key, cancellationToken);
        var (found, unreachable) = await events.ReadAsync(application, key, cancellationToken);
        string[] eventProblem = unreachable is null || look.Problems.Count > 0 ? [] : [$"events could not be read: {unreachable}"];
        return new ResourcePage(state.App, key, onRecord, look, found, [.. look.Problems, .. eventProblem]);
    }
}
