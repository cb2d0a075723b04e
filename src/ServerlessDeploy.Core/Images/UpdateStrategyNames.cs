namespace ServerlessDeploy.Core.Images;

/// <summary>The names users write in <c>&lt;alias&gt;.update-strategy</c>, including Image Updater's old ones.</summary>
public static class UpdateStrategyNames
{
    public const string Accepted = "semver, newest-build, alphabetical or digest";

    public static UpdateStrategy? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "semver" => UpdateStrategy.Semver,
        // "latest" and "name" are the names Image Updater used before 0.12; existing annotations keep working.
        "newest-build" or "latest" => UpdateStrategy.NewestBuild,
        "alphabetical" or "name" => UpdateStrategy.Alphabetical,
        "digest" => UpdateStrategy.Digest,
        _ => null,
    };

    /// <summary>The name a strategy is written with today.</summary>
    public static string Of(UpdateStrategy strategy) => strategy switch
    {
        UpdateStrategy.NewestBuild => "newest-build",
        UpdateStrategy.Alphabetical => "alphabetical",
        UpdateStrategy.Digest => "digest",
        _ => "semver",
    };
}
