using System.Text.RegularExpressions;
using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class TagFilterTests
{
    [Theory]
    [InlineData("latest", "latest", true)]
    [InlineData("latest", "latest2", false)]
    [InlineData("*-rc*", "1.0.0-rc1", true)]
    [InlineData("*-rc*", "1.0.0", false)]
    [InlineData("1.?", "1.2", true)]
    [InlineData("1.?", "1.22", false)]
    [InlineData("1.?", "1x2", false)]
    [InlineData("[0-9]*", "9x", true)]
    [InlineData("[^0-9]*", "9x", false)]
    [InlineData("[^0-9]*", "main", true)]
    [InlineData("[abc]-*", "b-1", true)]
    [InlineData(@"v\*", "v*", true)]
    [InlineData(@"v\*", "vx", false)]
    [InlineData(@"[\]]", "]", true)]
    [InlineData("a+b", "a+b", true)]
    [InlineData("a+b", "aab", false)]
    public void Ignore_globs_match_whole_tags_as_Go_filepath_Match_does(string pattern, string tag, bool matches)
    {
        Assert.Equal(matches, TagGlob.TryParse(pattern)!.Matches(tag));
    }

    [Theory]
    [InlineData("[abc")]
    [InlineData("[]")]
    [InlineData("[^]")]
    [InlineData("abc\\")]
    [InlineData("[z-a]")]
    [InlineData("[a-]")]
    public void A_malformed_glob_is_rejected(string pattern)
    {
        Assert.Null(TagGlob.TryParse(pattern));
    }

    [Fact]
    public void Allow_tags_matches_anywhere_in_the_tag_as_Go_regexp_does()
    {
        var filter = new TagFilter(new Regex(@"1\.2"), []);

        Assert.Null(filter.Rejection("v1.2.3"));
        Assert.Equal(@"tag 1.3.0 does not match allow-tags regexp:1\.2", filter.Rejection("1.3.0"));
    }

    [Fact]
    public void Filters_apply_before_the_strategy()
    {
        var filter = new TagFilter(new Regex("^v"), [TagGlob.TryParse("*-debug")!]);
        var image = Pushes.Image(UpdateStrategy.Semver, "^1.0", filter);

        var decision = TagChooser.Choose(image, Pushes.Of("v1.1.0", "1.5.0", "v1.4.0-debug"), "v1.0.0");

        Assert.Equal("v1.1.0", decision.Chosen?.Tag);
    }

    [Theory]
    [InlineData(UpdateStrategy.Semver, "1.0.0, latest", "tag latest is ignored by ignore-tags (latest)")]
    [InlineData(UpdateStrategy.NewestBuild, "1.0.0, latest", "tag latest is ignored by ignore-tags (latest)")]
    [InlineData(UpdateStrategy.Alphabetical, "1.0.0, 2.0.0-debug", "tag 2.0.0-debug is ignored by ignore-tags (*-debug)")]
    public void A_filtered_push_changes_nothing_and_says_which_filter(UpdateStrategy strategy, string tags, string reason)
    {
        var filter = new TagFilter(null, [TagGlob.TryParse("latest")!, TagGlob.TryParse("*-debug")!]);

        var decision = TagChooser.Choose(Pushes.Image(strategy, null, filter), Pushes.Parse(tags), "1.0.0");

        Assert.Null(decision.Chosen);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void When_every_tag_is_filtered_nothing_is_chosen()
    {
        var filter = new TagFilter(new Regex("^release-"), []);

        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.NewestBuild, null, filter), Pushes.Of("main-1", "main-2"), null);

        Assert.Null(decision.Chosen);
        Assert.Equal("no known tag passes allow-tags and ignore-tags", decision.Reason);
    }
}
