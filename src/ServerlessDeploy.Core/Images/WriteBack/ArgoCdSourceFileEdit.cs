using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>
/// Argo CD Image Updater's git write-back file, `.argocd-source-&lt;app&gt;.yaml`, in the form Argo CD (and our render)
/// reads: `helm: parameters: [{name, value, forcestring: true}]` and `kustomize: images: ["name=newName:tag", "name:tag"]`.
/// The file is machine-owned, so it is rewritten whole; entries keep their order, a new name goes last.
/// </summary>
public static class ArgoCdSourceFileEdit
{
    private const string Source = ".argocd-source file";

    /// <summary>
    /// Merges Helm parameters (by name) and Kustomize images (by image name) into the file; other entries and keys
    /// stay. <paramref name="text"/> is null when the file does not exist; unchanged content returns it as it was.
    /// </summary>
    /// <exception cref="FormatException">Invalid YAML, or a file that is not one map; names the line.</exception>
    public static string Apply(string? text, IReadOnlyList<(string Name, string Value)> helmParameters, IReadOnlyList<string> kustomizeImages)
    {
        var overrides = Read(text);
        var original = overrides.DeepClone();
        foreach (var (name, value) in helmParameters)
        {
            Merge(List(overrides, "helm", "parameters"), p => p?["name"]?.ToString() == name, new JsonObject { ["name"] = name, ["value"] = value, ["forcestring"] = true });
        }

        foreach (var image in kustomizeImages)
        {
            Merge(List(overrides, "kustomize", "images"), i => i is JsonValue && KustomizeImageName(i.ToString()) == KustomizeImageName(image), JsonValue.Create(image));
        }

        return text is not null && JsonNode.DeepEquals(original, overrides) ? text : YamlWriter.Write(overrides);
    }

    private static JsonObject Read(string? text) => YamlReader.ReadAll(text ?? "", Source) switch
    {
        [] => [],
        [JsonObject overrides] => overrides,
        _ => throw new FormatException($"{Source}: must hold one map (`helm:` or `kustomize:`)"),
    };

    private static JsonArray List(JsonObject overrides, string section, string key)
    {
        var parent = overrides[section] ??= new JsonObject();
        var map = parent as JsonObject ?? throw new FormatException($"{Source}: '{section}' must be a map");
        return (map[key] ??= new JsonArray()) as JsonArray ?? throw new FormatException($"{Source}: '{section}.{key}' must be a list");
    }

    /// <summary>Replaces the first entry that matches where it stands, or appends.</summary>
    private static void Merge(JsonArray list, Func<JsonNode?, bool> matches, JsonNode entry)
    {
        var index = list.Select((node, i) => (node, i)).FirstOrDefault(e => matches(e.node), (null, -1)).i;
        if (index < 0)
        {
            list.Add(entry);
        }
        else
        {
            list[index] = entry;
        }
    }

    // `name=newName:tag` overrides `name`; `name:tag` overrides the image itself.
    private static string KustomizeImageName(string image) => ImageReferences.NameOf(image.Split('=', 2)[0]);
}
