namespace ServerlessDeploy.Core.Sources;

/// <summary>How a revision stands to a baseline revision in a source's history.</summary>
public enum RevisionOrder
{
    /// <summary>Both name the same commit.</summary>
    Same,

    /// <summary>The revision descends from the baseline (a fast-forward from it).</summary>
    Newer,

    /// <summary>The revision is one of the baseline's ancestors.</summary>
    Older,

    /// <summary>Neither holds the other: a force push replaced one, or the baseline is not in the source at all.</summary>
    Diverged,

    /// <summary>The revision itself is not in the source (a later force push replaced it).</summary>
    Missing,

    /// <summary>The source keeps no history to compare with (a pipeline artifact, a plain folder).</summary>
    Unknown,
}
