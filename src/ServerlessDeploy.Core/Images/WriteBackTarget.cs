using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Image Updater's <c>write-back-target</c>: a kustomization directory or a Helm values file. A path that starts
/// with <c>/</c> is from the repository root; any other path is from the app's source path.
/// </summary>
/// <param name="Path">The directory holding kustomization.yaml, or the values file, as written.</param>
public sealed record WriteBackTarget(WriteBackTargetKind Kind, string Path)
{
    /// <summary>The target's path from the repository root, '/'-separated, for an app whose source path is <paramref name="sourcePath"/>.</summary>
    public string PathInRepository(string sourcePath) => RepositoryPaths.Resolve(sourcePath, Path) is { Length: > 0 } resolved ? resolved : ".";
}
