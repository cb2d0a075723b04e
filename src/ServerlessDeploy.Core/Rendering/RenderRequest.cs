using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rendering;

/// <summary>What to render: an Application whose source repository is checked out (or is a plain folder) at <paramref name="RepositoryRoot"/>.</summary>
/// <param name="ImageOverrides">Images to set at render time ("repo=repo:tag" or "repo:tag", kustomize style), as Argo CD Image Updater's direct write-back keeps them.</param>
public sealed record RenderRequest(Application Application, string RepositoryRoot, IReadOnlyList<string> ImageOverrides)
{
    public RenderRequest(Application application, string repositoryRoot)
        : this(application, repositoryRoot, [])
    {
    }
}
