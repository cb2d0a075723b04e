namespace ServerlessDeploy.Core.Images;

/// <summary>How the next tag of an image is chosen among its known tags: Argo CD Image Updater's update strategies.</summary>
public enum UpdateStrategy
{
    /// <summary>The highest semantic version that satisfies the image's constraint (the default).</summary>
    Semver,

    /// <summary>The tag pushed last.</summary>
    NewestBuild,

    /// <summary>The last tag in ordinal lexical order.</summary>
    Alphabetical,

    /// <summary>The image's constraint tag, pinned to the digest pushed for it last.</summary>
    Digest,
}
