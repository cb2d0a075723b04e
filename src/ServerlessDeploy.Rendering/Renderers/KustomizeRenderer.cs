using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Sources;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>
/// A kustomization, built by the real `kubectl kustomize`. The Application's overrides (images, name prefix and
/// suffix, common labels) go into an overlay in a scratch folder whose only resource is the app's folder, so the
/// repository is never written to.
/// </summary>
internal sealed class KustomizeRenderer(ToolPaths tools, IProcessRunner processes)
{
    public async Task<IReadOnlyList<Manifest>> RenderAsync(string appDirectory, KustomizeSource? options, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var target = appDirectory;
        if (options is not null && HasOverrides(options))
        {
            // kustomize takes no absolute resource paths; a relative one may reach a folder outside the overlay.
            var relative = Path.GetRelativePath(scratch.Path, appDirectory);
            await scratch.WriteAsync("kustomization.yaml", Overlay(relative, options).ToJsonString(), cancellationToken);
            target = scratch.Path;
        }

        var result = await processes.RunAsync(tools.KubectlPath, ["kustomize", target], appDirectory, cancellationToken);
        if (!result.Succeeded)
        {
            throw new RenderFailure($"kustomize build failed: {result.Error.Trim()}");
        }

        return ManifestParser.Parse(result.Output, "kustomize output");
    }

    private static bool HasOverrides(KustomizeSource options) =>
        options.Images.Count > 0 || options.NamePrefix is not null || options.NameSuffix is not null || options.CommonLabels.Count > 0;

    private static JsonObject Overlay(string appFolder, KustomizeSource options)
    {
        var overlay = new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = new JsonArray(appFolder),
        };
        if (options.NamePrefix is not null)
        {
            overlay["namePrefix"] = options.NamePrefix;
        }

        if (options.NameSuffix is not null)
        {
            overlay["nameSuffix"] = options.NameSuffix;
        }

        if (options.CommonLabels.Count > 0)
        {
            overlay["commonLabels"] = new JsonObject(options.CommonLabels.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        if (options.Images.Count > 0)
        {
            overlay["images"] = new JsonArray(options.Images.Select(i => (JsonNode)KustomizeImage.Parse(i)).ToArray());
        }

        return overlay;
    }
}
