namespace ServerlessDeploy.Git.Locations;

/// <summary>What a repoURL names.</summary>
internal enum LocationKind
{
    /// <summary>An http(s) repository, mirrored into the cache.</summary>
    Remote,

    /// <summary>A Git repository on the local disk (file:// or an absolute path), mirrored into the cache like a remote.</summary>
    LocalRepository,

    /// <summary>A local folder that is not a Git repository, read as it is.</summary>
    PlainFolder,
}
