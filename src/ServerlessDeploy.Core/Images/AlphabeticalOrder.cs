namespace ServerlessDeploy.Core.Images;

/// <summary>The alphabetical strategy: the last tag in ordinal lexical order (for calendar versions and the like).</summary>
internal sealed class AlphabeticalOrder : ITagOrder
{
    public bool RanksByTagAlone => true;

    public string NoneAdmitted => "no known tag passes allow-tags and ignore-tags";

    public string? Rejection(string tag) => null;

    public int Compare(ImageCandidate x, ImageCandidate y) => string.CompareOrdinal(x.Tag, y.Tag);

    public string WhyChosen(ImageCandidate winner) => $"{winner.Tag} is last in lexical order";

    public string WhyOutranks(ImageCandidate winner) => $"{winner.Tag} sorts after it";
}
