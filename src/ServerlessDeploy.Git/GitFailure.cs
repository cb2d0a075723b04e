namespace ServerlessDeploy.Git;

/// <summary>Why a Git operation failed; lets a caller decide between retrying and reporting.</summary>
public enum GitFailure
{
    /// <summary>The URL or an argument is not one this adapter accepts (ssh, a relative path, a bad file path).</summary>
    InvalidRequest,

    /// <summary>The repository or local folder does not exist.</summary>
    RepositoryNotFound,

    /// <summary>The host could not be reached (DNS, connection, TLS): worth retrying later.</summary>
    Unreachable,

    /// <summary>Credentials are missing or were refused.</summary>
    AuthenticationFailed,

    /// <summary>No branch, tag or commit by that name; or a commit asked for is not in the repository.</summary>
    RevisionNotFound,

    /// <summary>The remote refused a push (after the retries, for non-fast-forward rejections).</summary>
    PushRejected,

    /// <summary>Anything else libgit2 reported.</summary>
    Other,
}
