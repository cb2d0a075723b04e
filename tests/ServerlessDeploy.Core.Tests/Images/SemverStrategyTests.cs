using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class SemverStrategyTests
{
    [Theory]
    [InlineData("^1.0", "1.0.0, 1.2.0, 2.0.0", null, "1.2.0")]
    [InlineData("~1.2", "1.2.0, 1.2.5, 1.3.0", "1.2.0", "1.2.5")]
    [InlineData("1.2.x", "1.2.1, 1.2.9, 1.3.0", "1.2.1", "1.2.9")]
    [InlineData("1.2", "1.2.1, 1.2.9, 1.3.0", null, "1.2.9")]
    [InlineData(">=1.0 <2.0", "0.9.0, 1.9.9, 2.0.0", null, "1.9.9")]
    [InlineData("^0.2", "0.2.1, 0.3.0", null, "0.2.1")]
    [InlineData(null, "1.0.0, 3.1.0, latest, 2.9.0", null, "3.1.0")]
    [InlineData("^1.0", "v1.1.0, v1.4.2, v2.0.0", "v1.1.0", "v1.4.2")]
    [InlineData("^1.0", "1.3, 1.2.9", null, "1.3")]
    [InlineData("^1.0", "1.9.0, 1.10.0", null, "1.10.0")]
    [InlineData("^1.0", "latest, main-4f2a9c1, 1.0.1, sha-abc", null, "1.0.1")]
    [InlineData("^1.0", "1.1.0, 1.2.0-rc.1", null, "1.1.0")]
    [InlineData("1.x", "1.1.0, 1.2.0-rc.1", null, "1.1.0")]
    [InlineData(">=1.0.0-0", "1.1.0, 1.2.0-rc.1", null, "1.2.0-rc.1")]
    [InlineData("^1.0.0-0", "1.1.0, 1.2.0-rc.1, 1.2.0-rc.2", null, "1.2.0-rc.2")]
    [InlineData("1.x-0", "1.1.0, 1.2.0-beta, 2.0.0-beta", null, "1.2.0-beta")]
    [InlineData("^1.0-0", "1.1.0, 1.2.0-beta, 2.0.0-beta", null, "1.2.0-beta")]
    [InlineData("~v1.2", "v1.2.0, v1.2.7, v1.3.0", null, "v1.2.7")]
    [InlineData("^1.0.0-0", "1.2.0-rc.2, 1.2.0", null, "1.2.0")]
    [InlineData(null, "1.1.0, 1.2.0-rc.1", null, "1.1.0")]
    public void The_highest_version_satisfying_the_constraint_wins(string? constraint, string tags, string? current, string expected)
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, constraint), Pushes.Parse(tags), current);

        Assert.Equal(expected, decision.Chosen?.Tag);
    }

    [Fact]
    public void A_push_that_does_not_win_changes_nothing_and_says_why()
    {
        var known = Pushes.Of("1.2.0", "1.0.9");

        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, "^1.0"), known, "1.2.0");

        Assert.False(decision.Changes);
        Assert.Equal("1.0.9 does not win: 1.2.0 is newer under ^1.0", decision.Reason);
    }

    [Fact]
    public void The_deployed_version_counts_even_when_the_catalog_never_saw_it()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, "^1.0"), Pushes.Of("1.0.9"), "1.2.0");

        Assert.Null(decision.Chosen);
        Assert.Equal("1.0.9 does not win: 1.2.0 is newer under ^1.0", decision.Reason);
    }

    [Fact]
    public void A_deployed_version_outside_the_constraint_is_left_for_the_best_inside_it()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, "~1.4"), Pushes.Of("1.4.1", "1.4.2"), "2.0.0");

        Assert.Equal("1.4.2", decision.Chosen?.Tag);
    }

    [Fact]
    public void An_equal_version_under_another_spelling_is_no_change()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, "^1.0"), Pushes.Of("v1.2.0", "1.2"), "1.2.0");

        Assert.Null(decision.Chosen);
    }

    [Theory]
    [InlineData("^1.0", "1.0.0, 1.2.1", "1.0.0", "1.2.1 is the highest version under ^1.0")]
    [InlineData(null, "1.0.0, 1.2.1", "1.0.0", "1.2.1 is the highest version")]
    [InlineData("^1.0", "1.2.0", "1.2.0", "1.2.0 is already deployed")]
    [InlineData("~2.0", "1.0.0, 1.1.0", "1.0.0", "no tag satisfies ~2.0")]
    [InlineData(null, "latest, main", null, "no known tag is a semantic version")]
    [InlineData("~1.2", "1.2.3, 1.3.0", "1.2.3", "1.3.0 does not satisfy ~1.2")]
    [InlineData("^1.0", "1.0.0, 1.1.0-rc.1", "1.0.0", "1.1.0-rc.1 is a pre-release and ^1.0 asks for none (add -0 to admit them)")]
    [InlineData("^1.0", "1.0.0, main", "1.0.0", "tag main is not a semantic version")]
    [InlineData("^1.0", "", null, "no tag of 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web is known")]
    public void The_reason_is_one_line(string? constraint, string tags, string? current, string reason)
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, constraint), Pushes.Parse(tags), current);

        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void A_tag_pushed_again_counts_with_its_last_push()
    {
        var known = new List<ImageCandidate>
        {
            new("1.1.0", "sha256:old", Pushes.Start),
            new("1.1.0", "sha256:new", Pushes.Start.AddMinutes(5)),
            new("1.0.0", "sha256:one", Pushes.Start.AddMinutes(1)),
        };

        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Semver, "^1.0"), known, "1.0.0");

        Assert.Equal(new ImageCandidate("1.1.0", "sha256:new", Pushes.Start.AddMinutes(5)), decision.Chosen);
    }
}
