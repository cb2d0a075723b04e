using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class TagStandingsTests
{
    [Fact]
    public void Each_known_tag_says_whether_it_runs_wins_or_lost_and_why_newest_push_first()
    {
        var image = Pushes.Image(UpdateStrategy.Semver, "^1.0", new TagFilter(null, [TagGlob.TryParse("*-debug") ?? throw new ArgumentException("a glob")]));

        var standings = TagStandings.Explain(image, Pushes.Of("1.0.9", "1.2.0", "2.0.0", "1.3.0-debug", "latest", "1.1.0"), "1.2.0");

        Assert.Equal(
            [
                ("1.1.0", TagRole.Lost, "1.2.0 is newer under ^1.0"),
                ("latest", TagRole.Lost, "tag latest is not a semantic version"),
                ("1.3.0-debug", TagRole.Lost, "tag 1.3.0-debug is ignored by ignore-tags (*-debug)"),
                ("2.0.0", TagRole.Lost, "2.0.0 does not satisfy ^1.0"),
                ("1.2.0", TagRole.Runs, "1.1.0 does not win: 1.2.0 is newer under ^1.0"),
                ("1.0.9", TagRole.Lost, "1.2.0 is newer under ^1.0"),
            ],
            standings.Select(s => (s.Tag, s.Role, s.Reason)));
    }

    [Fact]
    public void A_tag_that_would_win_over_the_running_one_is_chosen_and_the_running_one_says_it_gives_way()
    {
        var standings = TagStandings.Explain(Pushes.Image(UpdateStrategy.Semver, "^1.0"), Pushes.Of("1.0.0", "1.4.0"), "1.0.0@" + Pushes.Digest("1.0.0"));

        Assert.Equal(
            [("1.4.0", TagRole.Chosen, "1.4.0 is the highest version under ^1.0"), ("1.0.0", TagRole.Runs, "gives way to 1.4.0: 1.4.0 is the highest version under ^1.0")],
            standings.Select(s => (s.Tag, s.Role, s.Reason)));
    }
}
