using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class OrderedStrategyTests
{
    [Theory]
    [InlineData("a1, c3, b2", null, "b2")]
    [InlineData("main-1, main-2", "main-1", "main-2")]
    [InlineData("2.0.0, 1.0.0", "2.0.0", "1.0.0")]
    [InlineData("main-7, main-8", "main-8", null)]
    public void Newest_build_takes_the_tag_pushed_last(string tags, string? current, string? expected)
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.NewestBuild), Pushes.Parse(tags), current);

        Assert.Equal(expected, decision.Chosen?.Tag);
    }

    [Fact]
    public void Newest_build_says_when_it_was_pushed()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.NewestBuild), Pushes.Of("a", "b"), "a");

        Assert.Equal("b is the newest build, pushed 2026-11-01 12:01:00Z", decision.Reason);
    }

    [Fact]
    public void Newest_build_cannot_place_a_deployed_tag_the_catalog_never_saw()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.NewestBuild), Pushes.Of("main-1"), "main-0");

        Assert.Equal("main-1", decision.Chosen?.Tag);
    }

    [Theory]
    [InlineData("2024.01.05, 2024.02.01, 2023.12.31", null, "2024.02.01")]
    [InlineData("B, a", null, "a")]
    [InlineData("1.10.0, 1.9.0", null, "1.9.0")]
    [InlineData("2024.01.05, 2024.02.01", "2024.02.01", null)]
    public void Alphabetical_takes_the_last_tag_in_ordinal_order(string tags, string? current, string? expected)
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Alphabetical), Pushes.Parse(tags), current);

        Assert.Equal(expected, decision.Chosen?.Tag);
    }

    [Fact]
    public void Alphabetical_never_goes_below_the_deployed_tag()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Alphabetical), Pushes.Of("2024.02.01"), "2024.03.01");

        Assert.Null(decision.Chosen);
        Assert.Equal("2024.02.01 does not win: 2024.03.01 sorts after it", decision.Reason);
    }

    [Fact]
    public void Alphabetical_names_the_winner()
    {
        var decision = TagChooser.Choose(Pushes.Image(UpdateStrategy.Alphabetical), Pushes.Of("b", "a"), null);

        Assert.Equal("b is last in lexical order", decision.Reason);
    }
}
