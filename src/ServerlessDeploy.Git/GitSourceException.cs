namespace ServerlessDeploy.Git;

/// <summary>
/// The one error the Git adapter raises: a message that names the repository (never its credentials) and what went
/// wrong, and a <see cref="Failure"/> kind.
/// </summary>
public sealed class GitSourceException : Exception
{
    public GitSourceException(GitFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public GitSourceException()
        : this(GitFailure.Other, "Git operation failed")
    {
    }

    public GitSourceException(string message)
        : this(GitFailure.Other, message)
    {
    }

    public GitSourceException(string message, Exception innerException)
        : this(GitFailure.Other, message, innerException)
    {
    }

    public GitFailure Failure { get; }
}
