using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rendering.Cache;

/// <summary>
/// The inputs of a render as one JSON document, written field by field so that a field the renderer reads cannot be
/// left out by a serializer's defaults: the app's name (helm's release name, the `.argocd-source-&lt;app&gt;.yaml`
/// file), its destination namespace (helm's --namespace), its whole source but the target revision (the commit stands
/// for it), the image overrides and the tool versions. Maps keep the order they were read in: a different order can
/// only cost a miss, never a wrong hit.
/// </summary>
internal static class RenderInputs
{
    /// <summary>Changed when what goes into a key changes, so that entries written under the old meaning are never read.</summary>
    private const int Format = 1;

    public static JsonObject Of(Application app, string revision, IReadOnlyList<string> imageOverrides, string toolVersions) => new()
    {
        ["format"] = Format,
        ["revision"] = revision,
        ["app"] = app.Name,
        ["namespace"] = app.Destination.Namespace,
        ["repoURL"] = app.Source.RepoUrl,
        ["path"] = app.Source.Path,
        ["helm"] = app.Source.Helm is { } helm ? Helm(helm) : null,
        ["kustomize"] = app.Source.Kustomize is { } kustomize ? Kustomize(kustomize) : null,
        ["directory"] = app.Source.Directory is { } directory ? Directory(directory) : null,
        ["imageOverrides"] = Strings(imageOverrides),
        ["tools"] = toolVersions,
    };

    private static JsonObject Helm(HelmSource helm) => new()
    {
        ["releaseName"] = helm.ReleaseName,
        ["valueFiles"] = Strings(helm.ValueFiles),
        ["values"] = helm.Values,
        ["valuesObject"] = helm.ValuesObjectJson,
        ["parameters"] = new JsonArray([.. helm.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["value"] = p.Value,
            ["forceString"] = p.ForceString,
        })]),
        ["skipCrds"] = helm.SkipCrds,
        ["ignoreMissingValueFiles"] = helm.IgnoreMissingValueFiles,
    };

    private static JsonObject Kustomize(KustomizeSource kustomize) => new()
    {
        ["images"] = Strings(kustomize.Images),
        ["namePrefix"] = kustomize.NamePrefix,
        ["nameSuffix"] = kustomize.NameSuffix,
        ["commonLabels"] = new JsonArray([.. kustomize.CommonLabels.Select(l => (JsonNode)new JsonArray(l.Key, l.Value))]),
    };

    private static JsonObject Directory(DirectorySource directory) => new()
    {
        ["recurse"] = directory.Recurse,
        ["include"] = directory.Include,
        ["exclude"] = directory.Exclude,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
