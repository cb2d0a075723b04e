using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Core.Resources;
using ServerlessDeploy.Rendering.Processes;
using ServerlessDeploy.Rendering.Sources;
using ServerlessDeploy.Rendering.Tools;

namespace ServerlessDeploy.Rendering.Renderers;

/// <summary>A chart folder, rendered by the real `helm template` with the Application's release name, namespace, values and parameters.</summary>
internal sealed class HelmRenderer(ToolPaths tools, IProcessRunner processes)
{
    public async Task<IReadOnlyList<Manifest>> RenderAsync(string repositoryRoot, string chartDirectory, Application application, HelmSource? helm, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory();
        var arguments = new List<string> { "template", helm?.ReleaseName ?? application.Name, chartDirectory };
        if (application.Destination.Namespace.Length > 0)
        {
            arguments.AddRange(["--namespace", application.Destination.Namespace]);
        }

        if (helm?.SkipCrds != true)
        {
            arguments.Add("--include-crds");
        }

        arguments.AddRange(await ValueArgumentsAsync(repositoryRoot, chartDirectory, helm, scratch, cancellationToken));
        foreach (var parameter in helm?.Parameters ?? [])
        {
            arguments.AddRange([parameter.ForceString ? "--set-string" : "--set", $"{parameter.Name}={parameter.Value}"]);
        }

        var result = await processes.RunAsync(tools.HelmPath, arguments, chartDirectory, cancellationToken);
        if (!result.Succeeded)
        {
            throw new RenderFailure($"helm template failed: {result.Error.Trim()}");
        }

        return ManifestParser.Parse(result.Output, "helm template output");
    }

    private static async Task<List<string>> ValueArgumentsAsync(string root, string chartDirectory, HelmSource? helm, ScratchDirectory scratch, CancellationToken cancellationToken)
    {
        var arguments = new List<string>();
        foreach (var file in helm?.ValueFiles ?? [])
        {
            var relative = Path.GetRelativePath(root, Path.Combine(chartDirectory, file));
            var path = RepositoryPath.Resolve(root, relative, "spec.source.helm.valueFiles entry", file);
            if (!File.Exists(path))
            {
                if (helm is { IgnoreMissingValueFiles: true })
                {
                    continue;
                }

                throw new RenderFailure($"spec.source.helm.valueFiles entry \"{file}\" does not exist in the chart's repository");
            }

            arguments.AddRange(["--values", path]);
        }

        // values, then valuesObject: the later file wins, as in Argo CD.
        foreach (var (text, name) in new[] { (helm?.Values, "values.yaml"), (helm?.ValuesObjectJson, "values-object.json") })
        {
            if (text is { Length: > 0 })
            {
                arguments.AddRange(["--values", await scratch.WriteAsync(name, text, cancellationToken)]);
            }
        }

        return arguments;
    }
}
