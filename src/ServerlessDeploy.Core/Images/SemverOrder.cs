namespace ServerlessDeploy.Core.Images;

/// <summary>The semver strategy: the highest semantic version that satisfies the constraint; other tags are ignored.</summary>
/// <remarks>Without a constraint every release is admitted; pre-releases only when a constraint asks for them (<c>-0</c>).</remarks>
internal sealed class SemverOrder(SemverConstraint? constraint) : ITagOrder
{
    private string Under => constraint is null ? "" : $" under {constraint.Text}";

    public bool RanksByTagAlone => true;

    public string NoneAdmitted => constraint is null ? "no known tag is a semantic version" : $"no tag satisfies {constraint.Text}";

    public string? Rejection(string tag)
    {
        var version = SemverTags.Parse(tag);
        if (version is null)
        {
            return $"tag {tag} is not a semantic version";
        }

        if (constraint is null)
        {
            return version.IsPrerelease ? $"{tag} is a pre-release and no constraint asks for one (add a constraint ending in -0 to admit them)" : null;
        }

        if (constraint.Contains(version))
        {
            return null;
        }

        return version.IsPrerelease && !constraint.AdmitsPrereleases
            ? $"{tag} is a pre-release and {constraint.Text} asks for none (add -0 to admit them)"
            : $"{tag} does not satisfy {constraint.Text}";
    }

    public int Compare(ImageCandidate x, ImageCandidate y) =>
        (SemverTags.Parse(x.Tag) ?? throw new InvalidOperationException($"{x.Tag} is compared, so the order admitted it, and it admits only semantic versions"))
            .ComparePrecedenceTo(SemverTags.Parse(y.Tag));

    public string WhyChosen(ImageCandidate winner) => $"{winner.Tag} is the highest version{Under}";

    public string WhyOutranks(ImageCandidate winner) => $"{winner.Tag} is newer{Under}";
}
