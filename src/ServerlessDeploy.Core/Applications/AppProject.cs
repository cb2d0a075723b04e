namespace ServerlessDeploy.Core.Applications;

/// <summary>An Argo CD AppProject: which repositories, destinations and kinds its Applications may use.</summary>
public sealed record AppProject(
    string Name,
    IReadOnlyList<string> SourceRepos,
    IReadOnlyList<ProjectDestination> Destinations,
    IReadOnlyList<GroupKind> ClusterResourceWhitelist,
    IReadOnlyList<GroupKind> ClusterResourceBlacklist,
    IReadOnlyList<GroupKind> NamespaceResourceWhitelist,
    IReadOnlyList<GroupKind> NamespaceResourceBlacklist)
{
    /// <summary>Argo CD's built-in "default" project: everything is allowed.</summary>
    public static AppProject Default { get; } = new("default", ["*"], [new ProjectDestination("*", "*", "*")], [new GroupKind("*", "*")], [], [], []);
}

/// <summary>A destination pattern; each part may use * globs.</summary>
public sealed record ProjectDestination(string? Server, string? Name, string Namespace);

/// <summary>A group and kind pattern; each part may use * globs.</summary>
public sealed record GroupKind(string Group, string Kind);
