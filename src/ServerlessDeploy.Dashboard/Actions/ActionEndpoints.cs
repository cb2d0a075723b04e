using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>
/// POST /applications/{name}/sync, /rollback, /refresh and /rollouts/{namespace}/{rollout}/{verb}: forms carrying the
/// anti-forgery token (a post without a valid one is refused with 400 before anything else is looked at). Each
/// submits one request through <see cref="IAppActions"/> and answers at once: 303 to the app page (for htmx, HX-Redirect),
/// whose live updates then follow the operation.
/// </summary>
internal static class ActionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/applications/{name}/sync", ([FromRoute] string name, HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] StateQueries state, [FromServices] IAppActions actions, [FromServices] IInitiator initiator, CancellationToken cancellationToken) =>
            ActAsync(name, context, antiforgery, state, actions, (app, form) => SyncForm.Read(app, form, initiator.NameOf(context)), cancellationToken));
        endpoints.MapPost("/applications/{name}/rollback", ([FromRoute] string name, HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] StateQueries state, [FromServices] IAppActions actions, [FromServices] IInitiator initiator, CancellationToken cancellationToken) =>
            ActAsync(name, context, antiforgery, state, actions, (app, form) => RollbackForm.Read(app, form, initiator.NameOf(context)), cancellationToken));
        endpoints.MapPost("/applications/{name}/refresh", ([FromRoute] string name, HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] StateQueries state, [FromServices] IAppActions actions, [FromServices] IInitiator initiator, CancellationToken cancellationToken) =>
            ActAsync(name, context, antiforgery, state, actions, (app, form) => RefreshForm.Read(app, form, initiator.NameOf(context)), cancellationToken));
        endpoints.MapPost("/applications/{name}/rollouts/{ns}/{rollout}/{verb}", (
            [FromRoute] string name, [FromRoute] string ns, [FromRoute] string rollout, [FromRoute] string verb, HttpContext context, [FromServices] IAntiforgery antiforgery,
            [FromServices] StateQueries state, [FromServices] IAppActions actions, [FromServices] IInitiator initiator, CancellationToken cancellationToken) =>
            ActAsync(name, context, antiforgery, state, actions, (app, form) => RolloutActionForm.Read(app, ns, rollout, verb, initiator.NameOf(context)), cancellationToken));
    }

    private static async Task<IResult> ActAsync(
        string name, HttpContext context, IAntiforgery antiforgery, StateQueries state, IAppActions actions, Func<AppDetail, IFormCollection, FormOutcome> read, CancellationToken cancellationToken)
    {
        // Checked here rather than by form binding, which throws on a bad token instead of answering 400.
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Refused(name, "the form's anti-forgery token is missing or not valid: reload the page and try again", StatusCodes.Status400BadRequest);
        }

        if (await state.GetAsync(name, cancellationToken) is not { } app)
        {
            return AppPageEndpoints.NotFound(name);
        }

        var outcome = read(app, await context.Request.ReadFormAsync(cancellationToken));
        if (outcome.Request is not { } request)
        {
            return Refused(name, outcome.Problem, StatusCodes.Status400BadRequest);
        }

        var receipt = await actions.SubmitAsync(request, cancellationToken);
        if (!receipt.Accepted)
        {
            return Refused(name, receipt.Problem, StatusCodes.Status503ServiceUnavailable);
        }

        // htmx follows a redirect inside fetch and would swap the page into the form; HX-Redirect navigates instead.
        var page = $"/applications/{Uri.EscapeDataString(name)}";
        var header = context.Request.Headers.ContainsKey("HX-Request") ? "HX-Redirect" : "Location";
        context.Response.Headers[header] = page;
        return Results.StatusCode(header == "Location" ? StatusCodes.Status303SeeOther : StatusCodes.Status204NoContent);
    }

    private static IResult Refused(string app, string problem, int status) =>
        Results.RazorSlice<Slices.ActionRefused, ActionRefusal>(new ActionRefusal(app, problem), status);
}
