namespace ServerlessDeploy.Core.Applications;

/// <summary>An Argo CD Application (argoproj.io/v1alpha1) as users write it: what to deploy from Git, and where.</summary>
/// <param name="SourceFile">The file it was read from; relative source paths resolve against its folder.</param>
public sealed record Application(
    string Name,
    string Project,
    ApplicationSource Source,
    ApplicationDestination Destination,
    SyncPolicy SyncPolicy,
    IReadOnlyList<IgnoreDifference> IgnoreDifferences,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> Finalizers,
    string? SourceFile);
