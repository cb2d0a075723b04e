using System.Text.Json.Nodes;

namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>
/// The OpenAPI parameters of the resource operations. Each call returns a new node: a JSON node has one parent.
/// They are declared inline on each operation because kubectl looks for fieldValidation by name among the PATCH
/// operation's own parameters; finding it there is what makes kubectl send fieldValidation=Strict.
/// </summary>
internal static class Parameters
{
    public static JsonObject Name(string kind) => InPath("name", $"name of the {kind}");

    public static JsonObject Namespace() => InPath("namespace", "object name and auth scope, such as for teams and projects");

    public static JsonObject Pretty() => Query("pretty", "If 'true', then the output is pretty printed.");

    public static JsonObject DryRun() =>
        Query("dryRun", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed");

    public static JsonObject FieldManager() =>
        Query("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes. Required for apply requests (application/apply-patch).");

    public static JsonObject FieldValidation() =>
        Query("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict: fail the request with a BadRequest error listing every unknown or duplicate field.");

    public static JsonObject Force() =>
        Query("force", "Force is going to \"force\" Apply requests: the user re-acquires conflicting fields owned by other managers. Must be unset for non-apply patch requests.", "boolean");

    /// <summary>The parameters of a create, replace or patch: the write parameters kubectl checks for.</summary>
    public static JsonObject[] Write() => [DryRun(), FieldManager(), FieldValidation()];

    public static JsonObject[] Patch() => [DryRun(), FieldManager(), FieldValidation(), Force()];

    public static JsonObject[] List() =>
    [
        Query("continue", "The continue token returned by the previous page of a list."),
        Query("fieldSelector", "A selector to restrict the list of returned objects by their fields."),
        Query("labelSelector", "A selector to restrict the list of returned objects by their labels."),
        Query("limit", "The maximum number of responses to return for a list call.", "integer"),
        Query("resourceVersion", "Constrains which resource versions the request may be served from."),
        Query("timeoutSeconds", "Timeout for the list/watch call.", "integer"),
        Query("watch", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.", "boolean"),
    ];

    public static JsonObject[] Delete() =>
    [
        DryRun(),
        Query("gracePeriodSeconds", "The duration in seconds before the object should be deleted.", "integer"),
        Query("propagationPolicy", "Whether and how garbage collection will be performed: Orphan, Background or Foreground."),
    ];

    private static JsonObject InPath(string name, string description) => new()
    {
        ["description"] = description,
        ["in"] = "path",
        ["name"] = name,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Query(string name, string description, string type = "string") => new()
    {
        ["description"] = description,
        ["in"] = "query",
        ["name"] = name,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };
}
