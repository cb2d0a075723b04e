namespace ServerlessDeploy.Core.Applications;

/// <summary>Where the manifests come from: a repository (https, file:// or a local path), a revision and a path in it.</summary>
public sealed record ApplicationSource(
    string RepoUrl,
    string TargetRevision,
    string Path,
    HelmSource? Helm,
    KustomizeSource? Kustomize,
    DirectorySource? Directory);

/// <summary>spec.source.helm: how `helm template` is called.</summary>
public sealed record HelmSource(
    string? ReleaseName,
    IReadOnlyList<string> ValueFiles,
    string? Values,
    string? ValuesObjectJson,
    IReadOnlyList<HelmParameter> Parameters,
    bool SkipCrds,
    bool IgnoreMissingValueFiles);

/// <summary>One --set (or --set-string when ForceString) parameter.</summary>
public sealed record HelmParameter(string Name, string Value, bool ForceString);

/// <summary>spec.source.kustomize: the overrides Argo CD applies before `kustomize build`.</summary>
public sealed record KustomizeSource(
    IReadOnlyList<string> Images,
    string? NamePrefix,
    string? NameSuffix,
    IReadOnlyDictionary<string, string> CommonLabels);

/// <summary>spec.source.directory: which files of a plain folder are manifests.</summary>
public sealed record DirectorySource(bool Recurse, string? Include, string? Exclude);

/// <summary>spec.destination: a cluster (by server URL or name) and the default namespace.</summary>
public sealed record ApplicationDestination(string? Server, string? Name, string Namespace);
