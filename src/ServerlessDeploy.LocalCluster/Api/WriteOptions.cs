namespace ServerlessDeploy.LocalCluster.Api;

/// <summary>The query parameters every write takes: dryRun=All, fieldManager, fieldValidation (Strict, Warn, Ignore), force.</summary>
internal sealed record WriteOptions(bool DryRun, string? FieldManager, string FieldValidation, bool Force)
{
    /// <summary>Warnings for the response's Warning headers (unknown fields under fieldValidation=Warn).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Who the write is recorded as in managedFields.</summary>
    public string Manager { get; init; } = "unknown";

    public static WriteOptions From(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var query = request.Query;
        var dryRun = query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            throw Errors.BadRequest($"Invalid dry run value: {dryRun}; supported values: All");
        }

        var validation = query["fieldValidation"].ToString();
        if (validation is not ("" or "Strict" or "Warn" or "Ignore"))
        {
            throw Errors.BadRequest($"invalid fieldValidation directive: {validation}; must be one of Strict, Warn, Ignore");
        }

        var force = query["force"].ToString();
        var manager = NullIfEmpty(query["fieldManager"].ToString());
        return new WriteOptions(dryRun == "All", manager, validation.Length == 0 ? "Warn" : validation, force == "true")
        {
            // Without fieldManager, kube-apiserver names the writer after its user agent ("kubectl/v1.34" → "kubectl").
            Manager = manager ?? NullIfEmpty(request.Headers.UserAgent.ToString().Split('/')[0]) ?? "unknown",
        };
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
