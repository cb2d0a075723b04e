using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>
/// GET /applications/{name}/stream: server-sent events while the app page is open. The first message is the status panel
/// as it stands (a page shown again after being hidden catches up), then one each time the app's state renders
/// differently, and a heartbeat comment when nothing changed for a while. htmx's SSE extension swaps each message into
/// the page and closes the stream while the page is hidden, opening it again when it is shown.
/// </summary>
internal static class LiveEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/applications/{name}/stream", async (string name, HttpContext context, [FromServices] StateQueries state, [FromServices] LiveOptions options, [FromServices] TimeProvider time) =>
        {
            var stopped = context.RequestAborted;
            if (await state.GetAsync(name, stopped) is null)
            {
                return AppPageEndpoints.NotFound(name);
            }

            context.Response.ContentType = ServerSentEvents.ContentType;
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(stopped);
            try
            {
                await WatchAsync(name, context.Response, state, options, time, stopped);
            }
            catch (OperationCanceledException) when (stopped.IsCancellationRequested)
            {
                // The page went away or was hidden: the stream ends with it.
            }

            return Results.Empty;
        });

    private static async Task WatchAsync(string name, HttpResponse response, StateQueries state, LiveOptions options, TimeProvider time, CancellationToken stopped)
    {
        string? sent = null;
        var quietSince = time.GetUtcNow();
        while (true)
        {
            var fragment = await state.GetAsync(name, stopped) is { } app ? await StatusFragment.RenderAsync(app, stopped) : sent;
            if (fragment is not null && fragment != sent)
            {
                await response.WriteAsync(ServerSentEvents.Message(fragment), stopped);
                (sent, quietSince) = (fragment, time.GetUtcNow());
            }
            else if (time.GetUtcNow() - quietSince >= options.Heartbeat)
            {
                await response.WriteAsync(ServerSentEvents.Heartbeat, stopped);
                quietSince = time.GetUtcNow();
            }

            await response.Body.FlushAsync(stopped);
            await Task.Delay(options.PollInterval, time, stopped);
        }
    }
}
