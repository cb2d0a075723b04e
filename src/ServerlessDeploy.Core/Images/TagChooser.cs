namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Chooses the tag an image should run from every tag known for it, with Argo CD Image Updater's strategies:
/// allow-tags and ignore-tags filter first, then the strategy ranks what is left.
/// </summary>
public static class TagChooser
{
    /// <param name="known">Every push known for the image's repository, in any order; a tag pushed again counts with its last push.</param>
    /// <param name="currentTag">The tag deployed now (under the digest strategy it may carry <c>@sha256:…</c>); null when none is.</param>
    public static TagDecision Choose(UpdatableImage image, IReadOnlyList<ImageCandidate> known, string? currentTag)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(known);
        if (image.Strategy == UpdateStrategy.Digest)
        {
            return DigestPinning.Choose(image, known, currentTag);
        }

        return Order(image) is { } order
            ? Rank(image, order, known, currentTag)
            : TagDecision.NoChange($"constraint '{image.Constraint}' of image {image.Alias} is not a semver range");
    }

    /// <summary>The ranking strategy of the image; null for the digest strategy, or a constraint that is not a semver range.</summary>
    internal static ITagOrder? Order(UpdatableImage image) => image.Strategy switch
    {
        UpdateStrategy.Digest => null,
        UpdateStrategy.NewestBuild => new NewestBuildOrder(),
        UpdateStrategy.Alphabetical => new AlphabeticalOrder(),
        _ when image.Constraint is null => new SemverOrder(null),
        _ => SemverConstraint.Parse(image.Constraint) is { } constraint ? new SemverOrder(constraint) : null,
    };

    private static TagDecision Rank(UpdatableImage image, ITagOrder order, IReadOnlyList<ImageCandidate> known, string? currentTag)
    {
        var contenders = known.GroupBy(c => c.Tag, StringComparer.Ordinal).Select(pushes => pushes.OrderByDescending(c => c.PushedAt).First()).ToList();
        if (currentTag is not null && order.RanksByTagAlone && contenders.TrueForAll(c => c.Tag != currentTag))
        {
            // The deployed tag is in the registry even when the catalog has not seen it; a strategy must not go below it.
            contenders.Add(new ImageCandidate(currentTag, "", DateTimeOffset.MinValue));
        }

        ImageCandidate? winner = null;
        foreach (var contender in contenders.Where(c => Rejection(image, order, c.Tag) is null))
        {
            if (winner is null || Outranks(order, contender, winner, currentTag))
            {
                winner = contender;
            }
        }

        if (winner is null)
        {
            return TagDecision.NoChange(contenders.Count == 0 ? $"no tag of {image.Name} is known" : order.NoneAdmitted);
        }

        return winner.Tag == currentTag
            ? TagDecision.NoChange(WhyKept(image, order, known, winner))
            : new TagDecision(winner, order.WhyChosen(winner));
    }

    /// <summary>Why the filter or the strategy leaves <paramref name="tag"/> out, or null when it may be chosen.</summary>
    internal static string? Rejection(UpdatableImage image, ITagOrder order, string tag) =>
        image.Filter.Rejection(tag) ?? order.Rejection(tag);

    private static bool Outranks(ITagOrder order, ImageCandidate x, ImageCandidate y, string? currentTag)
    {
        var rank = order.Compare(x, y);
        if (rank != 0)
        {
            return rank > 0;
        }

        // Alike in rank (1.2 and v1.2.0, or one push time): keep what runs, else take the later push, else the later tag.
        if ((x.Tag == currentTag) != (y.Tag == currentTag))
        {
            return x.Tag == currentTag;
        }

        var pushed = x.PushedAt.CompareTo(y.PushedAt);
        return pushed != 0 ? pushed > 0 : string.CompareOrdinal(x.Tag, y.Tag) > 0;
    }

    /// <summary>Why the deployed tag stays, told about the tag pushed last, which is what the user is waiting for.</summary>
    private static string WhyKept(UpdatableImage image, ITagOrder order, IReadOnlyList<ImageCandidate> known, ImageCandidate kept)
    {
        var latest = known.MaxBy(c => c.PushedAt);
        if (latest is null || latest.Tag == kept.Tag)
        {
            return $"{kept.Tag} is already deployed";
        }

        return Rejection(image, order, latest.Tag) ?? $"{latest.Tag} does not win: {order.WhyOutranks(kept)}";
    }
}
