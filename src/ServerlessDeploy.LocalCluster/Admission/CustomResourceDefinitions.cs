using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Objects;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Admission;

/// <summary>A CRD is checked as kube-apiserver checks it and marked Established at once, so its kind is usable right away.</summary>
internal static class CustomResourceDefinitions
{
    public static void ValidateAndEstablish(ResourceType type, JsonObject crd)
    {
        // Missing parts read as empty, and are reported as such below.
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var errors = new List<FieldError>();
        var group = spec.String("group") ?? "";
        var plural = names.String("plural") ?? "";
        if (group.Length == 0)
        {
            errors.Add(FieldError.Required("spec.group", ""));
        }

        if (plural.Length == 0)
        {
            errors.Add(FieldError.Required("spec.names.plural", ""));
        }

        if (string.IsNullOrEmpty(names.String("kind")))
        {
            errors.Add(FieldError.Required("spec.names.kind", ""));
        }

        if ((spec["versions"] as JsonArray)?.Count is null or 0)
        {
            errors.Add(FieldError.Required("spec.versions", "must have at least one version"));
        }

        if (errors.Count == 0 && crd.Name() != $"{plural}.{group}")
        {
            errors.Add(FieldError.InvalidValue("metadata.name", crd.Name(), "must be spec.names.plural+\".\"+spec.group"));
        }

        if (errors.Count > 0)
        {
            throw Errors.Invalid(type, crd.Name(), errors);
        }

        crd["status"] = Established(names, spec);
    }

    private static JsonObject Established(JsonObject names, JsonObject spec)
    {
        var accepted = (JsonObject)names.DeepClone();
        accepted["singular"] ??= accepted.String("kind")?.ToLowerInvariant();
        accepted["listKind"] ??= accepted.String("kind") + "List";
        var stored = (spec["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => v["storage"] is JsonValue storage && storage.TryGetValue<bool>(out var on) && on)
            .Select(v => (JsonNode?)JsonValue.Create(v.String("name")))
            .ToArray();
        return new JsonObject
        {
            ["acceptedNames"] = accepted,
            ["storedVersions"] = new JsonArray(stored),
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts"), Condition("Established", "InitialNamesAccepted")),
        };
    }

    private static JsonObject Condition(string type, string reason) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = type == "Established" ? "the initial names have been accepted" : "no conflicts found",
    };
}
