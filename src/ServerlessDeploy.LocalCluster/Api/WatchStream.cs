using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;
using ServerlessDeploy.LocalCluster.Storage;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>
/// A watch over HTTP: one JSON event per line, flushed as it happens. Without a resourceVersion (or with "0") it
/// starts with the current objects as ADDED events, as kube-apiserver does; with one, it replays what came after it.
/// </summary>
internal static class WatchStream
{
    public static async Task ServeAsync(HttpContext context, ObjectStore store, ResourceType type, string? ns, ListOptions options)
    {
        bool Matches(JsonObject o) => (ns is null || o.Namespace() == ns) && options.Labels.Matches(o.Labels()) && options.Fields.Matches(o);
        var fromCurrent = options.ResourceVersion is "" or "0";
        var from = fromCurrent ? store.Revision : ParseRevision(options.ResourceVersion);
        var initial = fromCurrent ? store.List(type, ns, Matches, null, 0).Items : [];
        using var subscription = store.Watch(from, e => e.GroupResource == type.GroupResource && Matches(e.Object))
            ?? throw new StatusException(410, "Expired", $"too old resource version: {from}");

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted); // headers now, not with the first event
        foreach (var obj in initial)
        {
            await SendAsync(context, "ADDED", obj, type);
        }

        var timeout = options.TimeoutSeconds > 0 ? TimeSpan.FromSeconds(options.TimeoutSeconds) : TimeSpan.FromMinutes(30);
        // Ends with the request, or when the server stops (kube-apiserver closes its watches on shutdown too).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        stop.CancelAfter(timeout);
        try
        {
            await foreach (var change in subscription.Events.ReadAllAsync(stop.Token))
            {
                await SendAsync(context, change.Type, change.Object, type);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch timed out or the client went away: both end the stream normally.
        }
    }

    private static async Task SendAsync(HttpContext context, string kind, JsonObject obj, ResourceType type)
    {
        var shown = (JsonObject)obj.DeepClone();
        shown["apiVersion"] = type.GroupVersion;
        var line = new JsonObject { ["type"] = kind, ["object"] = shown }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static long ParseRevision(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw Errors.BadRequest($"invalid resource version: {text}");
}
