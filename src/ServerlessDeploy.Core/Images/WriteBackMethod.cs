namespace ServerlessDeploy.Core.Images;

/// <summary>Where a chosen tag is kept: Image Updater's <c>write-back-method</c>.</summary>
public enum WriteBackMethod
{
    /// <summary>No commit: the tag is kept in the state store as the app's image override (Image Updater's default).</summary>
    ArgoCd,

    /// <summary>A commit to the app's Git repository.</summary>
    Git,
}
