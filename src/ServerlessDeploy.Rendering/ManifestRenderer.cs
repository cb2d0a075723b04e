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
        if (request.ImageOverrides.Count > 0)
        {
            source = source with { Kustomize = (source.Kustomize ?? new([], null, null, new Dictionary<string, string>())) with { Images = [.. source.Kustomize?.Images ?? [], .. request.ImageOverrides] } };
        }

        if (File.Exists(Path.Combine(appDirectory, "Chart.yaml")))
        {
            return await new HelmRenderer(tools, processes).RenderAsync(root, appDirectory, application, source.Helm, cancellationToken);
        }

        if (source.Helm is not null)
        {
            throw new RenderFailure($"spec.source.helm is set but \"{application.Source.Path}\" has no Chart.yaml");
        }

        if (KustomizationFiles.Any(f => File.Exists(Path.Combine(appDirectory, f))))
        {
            return await new KustomizeRenderer(tools, processes).RenderAsync(appDirectory, source.Kustomize, cancellationToken);
        }

        if (source.Kustomize is not null)
        {
            throw new RenderFailure($"spec.source.kustomize is set but \"{application.Source.Path}\" has no kustomization.yaml");
        }

        return await DirectoryRenderer.RenderAsync(appDirectory, source.Directory, cancellationToken);
    }
}
