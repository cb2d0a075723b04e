using Microsoft.AspNetCore.Http;
using ServerlessDeploy.LocalCluster.Auth;
using ServerlessDeploy.LocalCluster.Discovery;
using ServerlessDeploy.LocalCluster.Faults;
using ServerlessDeploy.LocalCluster.Observability;
using ServerlessDeploy.LocalCluster.OpenApi;
using ServerlessDeploy.LocalCluster.Verbs;

namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>The server's one entry point: authentication, then discovery, OpenAPI or a resource, errors as Status objects.</summary>
internal sealed class ApiRouter(
    ClusterState cluster,
    BearerTokenCheck authentication,
    ResourceHandler resources,
    RequestCounters counters,
    FaultInjector faults,
    Func<string> serverAddress,
    bool servesAggregatedDiscovery = true)
{
    private readonly OpenApiDocumentCache _openApi = new();

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            if (!authentication.Allows(context.Request.Headers.Authorization))
            {
                throw Errors.Unauthorized();
            }

            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/debug/", StringComparison.Ordinal))
            {
                await DebugEndpoints.HandleAsync(context, counters, faults);
                return;
            }

            var kind = RequestKind.Of(context.Request);
            counters.Count(kind);
            if (await faults.BeforeAsync(context, kind))
            {
                await RouteAsync(context, path);
            }
        }
        catch (StatusException error) when (!context.Response.HasStarted)
        {
            await HttpResponses.WriteStatusAsync(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        var aggregated = servesAggregatedDiscovery && context.Request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal);
        var types = cluster.Registry.All;
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["version"]:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.Version());
                break;
            case ["healthz" or "livez" or "readyz"]:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                break;
            case ["api"] when aggregated:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.Aggregated(types, core: true), contentType: DiscoveryDocuments.AggregatedContentType);
                break;
            case ["api"]:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.CoreVersions(serverAddress()));
                break;
            case ["apis"] when aggregated:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.Aggregated(types, core: false), contentType: DiscoveryDocuments.AggregatedContentType);
                break;
            case ["apis"]:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.GroupList(types));
                break;
            case ["apis", var group]:
                await HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.Group(group, types) ?? throw Errors.PathNotFound());
                break;
            case ["openapi", "v3"]:
                await WriteBytesAsync(context, _openApi.For(types).Index, etag: null);
                break;
            case ["openapi", "v3", ..]:
                var document = _openApi.For(types).Find(string.Join('/', parts[2..])) ?? throw Errors.PathNotFound();
                await WriteBytesAsync(context, document.Json, document.ETag);
                break;
            case ["api", var version]:
                await WriteResourceListAsync(context, "", version);
                break;
            case ["apis", var group, var version]:
                await WriteResourceListAsync(context, group, version);
                break;
            default:
                var target = RequestTarget.Parse(path) ?? throw Errors.PathNotFound();
                await resources.HandleAsync(context, target);
                break;
        }
    }

    private static async Task WriteBytesAsync(HttpContext context, ReadOnlyMemory<byte> json, string? etag)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
        }

        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    private Task WriteResourceListAsync(HttpContext context, string group, string version)
    {
        var served = cluster.Registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (served.Count == 0)
        {
            throw Errors.PathNotFound();
        }

        return HttpResponses.WriteAsync(context, 200, DiscoveryDocuments.ResourceList(served[0].GroupVersion, served));
    }
}
