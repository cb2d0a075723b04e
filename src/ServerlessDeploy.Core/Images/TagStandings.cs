namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Every known tag of an image with why it runs, wins or lost, as <see cref="TagChooser"/> decides it: the same filter,
/// strategy and messages, told about each tag rather than the one the user pushed last.
/// </summary>
public static class TagStandings
{
    /// <param name="currentTag">The tag deployed now, as <see cref="TagChooser.Choose"/> takes it (with <c>@sha256:…</c> when pinned); null when none is.</param>
    /// <returns>Newest push first.</returns>
    public static IReadOnlyList<TagStanding> Explain(UpdatableImage image, IReadOnlyList<ImageCandidate> known, string? currentTag)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(known);
        var decision = TagChooser.Choose(image, known, currentTag);
        var order = TagChooser.Order(image);
        var running = currentTag?.Split('@', 2)[0];
        var winner = decision.Chosen ?? new ImageCandidate(running ?? "", "", DateTimeOffset.MinValue);
        return [.. known
            .GroupBy(candidate => candidate.Tag, StringComparer.Ordinal)
            .Select(pushes => pushes.MaxBy(candidate => candidate.PushedAt) ?? throw new InvalidOperationException("a group has a push"))
            .OrderByDescending(candidate => candidate.PushedAt)
            .Select(candidate => Standing(image, order, decision, winner, candidate, running))];
    }

    private static TagStanding Standing(UpdatableImage image, ITagOrder? order, TagDecision decision, ImageCandidate winner, ImageCandidate candidate, string? running)
    {
        if (candidate.Tag == running)
        {
            return new(candidate.Tag, candidate.PushedAt, TagRole.Runs, decision.Chosen is { } next ? $"gives way to {next.Tag}: {decision.Reason}" : decision.Reason);
        }

        if (decision.Chosen?.Tag == candidate.Tag)
        {
            return new(candidate.Tag, candidate.PushedAt, TagRole.Chosen, decision.Reason);
        }

        var reason = order is null
            ? image.Strategy == UpdateStrategy.Digest ? $"update-strategy digest follows tag {image.Constraint} only" : decision.Reason
            : TagChooser.Rejection(image, order, candidate.Tag) ?? order.WhyOutranks(winner);
        return new(candidate.Tag, candidate.PushedAt, TagRole.Lost, reason);
    }
}
