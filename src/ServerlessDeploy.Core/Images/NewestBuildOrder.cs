namespace ServerlessDeploy.Core.Images;

/// <summary>The newest-build strategy: the tag pushed last.</summary>
internal sealed class NewestBuildOrder : ITagOrder
{
    // A push time comes from the catalog only; a deployed tag it does not know cannot be placed.
    public bool RanksByTagAlone => false;

    public string NoneAdmitted => "no known tag passes allow-tags and ignore-tags";

    public string? Rejection(string tag) => null;

    public int Compare(ImageCandidate x, ImageCandidate y) => x.PushedAt.CompareTo(y.PushedAt);

    public string WhyChosen(ImageCandidate winner) => $"{winner.Tag} is the newest build, pushed {winner.PushedAt:u}";

    public string WhyOutranks(ImageCandidate winner) => $"{winner.Tag} was pushed later";
}
