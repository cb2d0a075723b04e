using System.Text.Json;

namespace ServerlessDeploy.State.ReadModel;

/// <summary>
/// Reads <see cref="AppFacets"/> from an Application manifest's JSON with <see cref="JsonDocument"/> (no reflection, so
/// the state stays AOT-compatible). A manifest that is missing or not JSON gives <see cref="AppFacets.None"/>: a list
/// shows the app without its facets rather than failing over one old or damaged record.
/// </summary>
public static class AppFacetsReader
{
    private const string DefaultProject = "default";

    public static AppFacets Read(string? manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest))
        {
            return AppFacets.None;
        }

        try
        {
            using var document = JsonDocument.Parse(manifest);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Facets(document.RootElement) : AppFacets.None;
        }
        catch (JsonException)
        {
            return AppFacets.None;
        }
    }

    private static AppFacets Facets(JsonElement application)
    {
        var spec = Child(application, "spec");
        var destination = Child(spec, "destination");
        var project = Text(spec, "project");
        return new AppFacets(
            project.Length > 0 ? project : DefaultProject,
            Text(destination, "server"),
            Text(destination, "name"),
            Text(destination, "namespace"),
            Repositories(spec),
            Labels(Child(Child(application, "metadata"), "labels")));
    }

    private static List<string> Repositories(JsonElement spec)
    {
        var repositories = new List<string>();
        var single = Text(Child(spec, "source"), "repoURL");
        if (single.Length > 0)
        {
            repositories.Add(single);
        }

        if (Child(spec, "sources") is { ValueKind: JsonValueKind.Array } sources)
        {
            repositories.AddRange(sources.EnumerateArray().Select(source => Text(source, "repoURL")).Where(url => url.Length > 0));
        }

        return [.. repositories.Distinct(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> Labels(JsonElement labels)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in labels.EnumerateObject().Where(label => label.Value.ValueKind == JsonValueKind.String))
            {
                read[label.Name] = label.Value.GetString() ?? "";
            }
        }

        return read;
    }

    /// <summary>The member by that name when <paramref name="element"/> is an object that has it; an undefined element otherwise.</summary>
    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    /// <summary>The member's text; empty when it is absent or not a string.</summary>
    private static string Text(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } text ? text.GetString() ?? "" : "";
}
