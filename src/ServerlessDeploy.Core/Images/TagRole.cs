namespace ServerlessDeploy.Core.Images;

/// <summary>Where a known tag of an image stands with its strategy.</summary>
public enum TagRole
{
    /// <summary>The tag deployed now.</summary>
    Runs,

    /// <summary>The tag the strategy would move to (at the next push of the image).</summary>
    Chosen,

    /// <summary>A tag the filter or the strategy left out, or one the winner outranks.</summary>
    Lost,
}
