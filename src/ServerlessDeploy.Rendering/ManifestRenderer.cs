using ServerlessDeploy.Core.Rendering;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Renderers;
using ServerlessDeploy.Rendering.Sources;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering;

/// <summary>
/// Renders an Application's folder as Argo CD would: Chart.yaml → helm template, kustomization.yaml → kustomize,
/// otherwise the folder's YAML and JSON files. Paths that leave the repository are refused.
/// </summary>
public sealed class ManifestRenderer(ToolPaths tools, IProcessRunner processes) : IManifestRenderer
{
    private static readonly string[] KustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return RenderResult.Of(await RenderOrThrowAsync(request, cancellationToken));
        }
        catch (RenderFailure failure)
        {
            return RenderResult.Failed($"{request.Application.Name}: {failure.Message}");
        }
    }

    private async Task<IReadOnlyList<Manifest>> RenderOrThrowAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var root = request.RepositoryRoot;
        var appDirectory = RepositoryPath.Resolve(root, application.Source.Path, "spec.source.path");
        if (!Directory.Exists(appDirectory))
        {
            throw new RenderFailure($"spec.source.path \"{application.Source.Path}\" does not exist in the repository");
        }

        RepositoryPath.CheckTree(root, appDirectory, "spec.source.path");
        var source = await ParameterOverrides.ApplyAsync(application.Source, appDirectory, application.Name, cancellationToken);
        if (File.Exists(Path.Combine(appDirectory, "Chart.yaml")))
        {
            return WithImages(await new HelmRenderer(tools, processes).RenderAsync(root, appDirectory, application, source.Helm, cancellationToken), request.ImageOverrides);
        }

        if (source.Helm is not null)
        {
            throw new RenderFailure($"spec.source.helm is set but \"{application.Source.Path}\" has no Chart.yaml");
        }

        if (KustomizationFiles.Any(f => File.Exists(Path.Combine(appDirectory, f))))
        {
            // Kustomize sets overridden images itself, as Argo CD passes them (`kustomize edit set image`).
            var kustomize = request.ImageOverrides.Count == 0 ? source.Kustomize
                : (source.Kustomize ?? new([], null, null, new Dictionary<string, string>())) with { Images = [.. source.Kustomize?.Images ?? [], .. request.ImageOverrides] };
            return await new KustomizeRenderer(tools, processes).RenderAsync(appDirectory, kustomize, cancellationToken);
        }

        if (source.Kustomize is not null)
        {
            throw new RenderFailure($"spec.source.kustomize is set but \"{application.Source.Path}\" has no kustomization.yaml");
        }

        return WithImages(await DirectoryRenderer.RenderAsync(appDirectory, source.Directory, cancellationToken), request.ImageOverrides);
    }

    private static IReadOnlyList<Manifest> WithImages(IReadOnlyList<Manifest> manifests, IReadOnlyList<string> overrides)
    {
        if (overrides.Count > 0)
        {
            RenderedImages.Override(manifests, overrides);
        }

        return manifests;
    }
}
