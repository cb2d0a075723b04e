namespace ServerlessDeploy.Pipeline.Images;

/// <summary>How an app's path is rendered, which decides where a Git write-back goes.</summary>
internal enum SourceKind
{
    Helm,
    Kustomize,
    Directory,
}

/// <summary>The source kind of a checked-out app path, by the files the renderer looks for.</summary>
internal static class SourceKinds
{
    private static readonly string[] KustomizationFiles = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static SourceKind Of(string appDirectory) =>
        File.Exists(Path.Combine(appDirectory, "Chart.yaml")) ? SourceKind.Helm
        : KustomizationFiles.Any(f => File.Exists(Path.Combine(appDirectory, f))) ? SourceKind.Kustomize
        : SourceKind.Directory;
}
