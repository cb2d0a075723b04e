namespace ServerlessDeploy.Core.Sources;

/// <summary>Writes back to a source: edits committed on a branch (an image update written to Git).</summary>
public interface ISourceWriter
{
    /// <summary>
    /// Writes <paramref name="edits"/> on <paramref name="branch"/> as one commit and publishes it; returns the revision
    /// that holds the edits (the branch head itself when it already did).
    /// </summary>
    Task<string> CommitAsync(string repoUrl, string branch, IReadOnlyList<FileEdit> edits, CommitIdentity author, string message, CancellationToken cancellationToken);
}
