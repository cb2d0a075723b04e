using Microsoft.AspNetCore.Http;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>
/// One server-sent event stream: a fragment rendered as it stands first (a page shown again after being hidden catches
/// up), then again each time it renders differently, and a heartbeat comment when nothing changed for a while so proxies
/// keep the stream open. It ends when the page goes away or is hidden (htmx closes it then and opens it again when shown).
/// </summary>
internal static class LiveStream
{
    /// <param name="render">The fragment as it stands now; null when it cannot be rendered this time (the last one stays).</param>
    public static async Task RunAsync(HttpContext context, Func<CancellationToken, Task<string?>> render, LiveOptions options, TimeProvider time)
    {
        var stopped = context.RequestAborted;
        var response = context.Response;
        response.ContentType = ServerSentEvents.ContentType;
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(stopped);
        try
        {
            string? sent = null;
            var quietSince = time.GetUtcNow();
            while (true)
            {
                var fragment = await render(stopped);
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
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // The page went away or was hidden: the stream ends with it.
        }
    }
}
