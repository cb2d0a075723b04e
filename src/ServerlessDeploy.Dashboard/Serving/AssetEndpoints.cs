using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServerlessDeploy.Dashboard.Serving;

/// <summary>
/// The stylesheet and the vendored htmx, served from the assembly's resources (so a host needs no folder of files) with
/// a long cache lifetime: their names carry no version, so the page links them with the assembly's version as a query.
/// </summary>
internal static class AssetEndpoints
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["htmx.min.js"] = "text/javascript; charset=utf-8",
        ["hx-sse.min.js"] = "text/javascript; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!ContentTypes.TryGetValue(name, out var contentType) || typeof(AssetEndpoints).Assembly.GetManifestResourceStream($"assets/{name}") is not { } stream)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Stream(stream, contentType);
        });
}
