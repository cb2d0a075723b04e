using Microsoft.AspNetCore.Http;

namespace ServerlessDeploy.LocalCluster.Observability;

/// <summary>What a request does in Kubernetes' terms: its verb, the resource it touches, and whether it is a dry run.</summary>
public sealed record RequestKind(string Verb, string Resource, bool DryRun)
{
    internal static RequestKind Of(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var dryRun = request.Query["dryRun"] == "All";
        if (Api.RequestTarget.Parse(path) is not { } target)
        {
            var area = path.StartsWith("/openapi", StringComparison.Ordinal) ? "openapi" : "discovery";
            return new RequestKind("get", area, dryRun);
        }

        var resource = target.Subresource is null ? target.Plural : $"{target.Plural}/{target.Subresource}";
        var verb = (request.Method, target.Name) switch
        {
            ("GET", null) when request.Query["watch"] is var w && (w == "true" || w == "1") => "watch",
            ("GET", null) => "list",
            ("GET", _) => "get",
            ("POST", _) => "create",
            ("PUT", _) => "update",
            ("PATCH", _) when (request.ContentType ?? "").StartsWith("application/apply-patch", StringComparison.Ordinal) => "apply",
            ("PATCH", _) => "patch",
            ("DELETE", null) => "deletecollection",
            ("DELETE", _) => "delete",
            _ => request.Method.ToLowerInvariant(),
        };
        return new RequestKind(verb, resource, dryRun);
    }
}
