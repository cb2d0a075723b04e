using ServerlessDeploy.Core.Sources;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>How an app's path is rendered, which decides where a Git write-back goes.</summary>
internal enum SourceKind
{
    Helm,
    Kustomize,
    Directory,
}

/// <summary>The source kind of an app path in a checkout, by the files the renderer looks for.</summary>
internal static class SourceKinds
{
    private static readonly string[] KustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static SourceKind Of(ISourceTree checkout, string appPath) =>
        checkout.FileExists(Path.Combine(appPath, "Chart.yaml")) ? SourceKind.Helm
        : KustomizationFiles.Any(f => checkout.FileExists(Path.Combine(appPath, f))) ? SourceKind.Kustomize
        : SourceKind.Directory;
}
