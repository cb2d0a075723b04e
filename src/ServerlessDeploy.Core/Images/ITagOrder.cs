namespace ServerlessDeploy.Core.Images;

/// <summary>One ranking strategy (semver, newest-build, alphabetical): which tags it admits, how it ranks them, and how it says why.</summary>
internal interface ITagOrder
{
    /// <summary>Whether a deployed tag missing from the catalog can still be ranked (by its text alone).</summary>
    bool RanksByTagAlone { get; }

    /// <summary>Why the strategy cannot consider <paramref name="tag"/>, or null when it can.</summary>
    string? Rejection(string tag);

    /// <summary>Positive when <paramref name="x"/> ranks above <paramref name="y"/>, zero when they rank alike.</summary>
    int Compare(ImageCandidate x, ImageCandidate y);

    /// <summary>Why the winner is chosen, e.g. "1.2.1 is the highest version under ^1.0".</summary>
    string WhyChosen(ImageCandidate winner);

    /// <summary>Why the winner outranks the tag pushed last, e.g. "1.2.0 is newer under ^1.0".</summary>
    string WhyOutranks(ImageCandidate winner);

    /// <summary>Why no known tag could be chosen, e.g. "no tag satisfies ~2.0".</summary>
    string NoneAdmitted { get; }
}
