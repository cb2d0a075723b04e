using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Yaml;

namespace ServerlessDeploy.Rendering.Sources;

/// <summary>
/// Argo CD's parameter override files in the app's folder, `.argocd-source.yaml` then `.argocd-source-&lt;app&gt;.yaml`
/// (the later wins): Helm parameters merged by name, Kustomize images merged by image name. Argo CD Image Updater's
/// git write-back keeps its tags there.
/// </summary>
internal static class ParameterOverrides
{
    public static async Task<ApplicationSource> ApplyAsync(ApplicationSource source, string appDirectory, string appName, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { ".argocd-source.yaml", $".argocd-source-{appName}.yaml" })
        {
            var path = Path.Combine(appDirectory, name);
            if (File.Exists(path))
            {
                source = Merge(source, await ReadAsync(path, name, cancellationToken), name);
            }
        }

        return source;
    }

    private static async Task<JsonObject> ReadAsync(string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            var documents = YamlReader.ReadAll(await File.ReadAllTextAsync(path, cancellationToken), name);
            return documents is [JsonObject overrides] ? overrides : documents.Count == 0 ? [] : throw new RenderFailure($"{name}: must hold one object");
        }
        catch (FormatException e)
        {
            throw new RenderFailure(e.Message);
        }
    }

    private static ApplicationSource Merge(ApplicationSource source, JsonObject overrides, string file)
    {
        if (overrides["helm"]?["parameters"] is JsonArray parameters)
        {
            var helm = source.Helm ?? new HelmSource(null, [], null, null, [], false, false);
            var added = parameters.OfType<JsonObject>().Select(p => new HelmParameter(
                p["name"]?.ToString() ?? throw new RenderFailure($"{file}: helm parameter without a name"),
                p["value"]?.ToString() ?? "",
                (p["forcestring"] ?? p["forceString"])?.ToString() == "true")).ToList();
            source = source with { Helm = helm with { Parameters = [.. helm.Parameters.Where(e => added.All(a => a.Name != e.Name)), .. added] } };
        }

        if (overrides["kustomize"]?["images"] is JsonArray images)
        {
            var kustomize = source.Kustomize ?? new KustomizeSource([], null, null, new Dictionary<string, string>());
            var added = images.Select(i => i?.ToString() ?? "").Where(i => i.Length > 0).ToList();
            var kept = kustomize.Images.Where(e => added.All(a => ImageName(a) != ImageName(e)));
            source = source with { Kustomize = kustomize with { Images = [.. kept, .. added] } };
        }

        return source;
    }

    private static string ImageName(string image)
    {
        var name = image.Split('=', 2)[0].Split('@', 2)[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }
}
