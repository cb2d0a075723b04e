using ServerlessDeploy.Core.Images;

namespace ServerlessDeploy.Core.Tests.Images;

public sealed class DigestStrategyTests
{
    private static readonly UpdatableImage Image = Pushes.Image(UpdateStrategy.Digest, "latest");

    private static readonly List<ImageCandidate> Known =
    [
        new("latest", "sha256:aaa", Pushes.Start),
        new("latest", "sha256:ccc", Pushes.Start.AddMinutes(2)),
        new("1.0.0", "sha256:ddd", Pushes.Start.AddMinutes(3)),
        new("latest", "sha256:bbb", Pushes.Start.AddMinutes(1)),
    ];

    [Fact]
    public void The_tag_is_pinned_to_the_digest_pushed_for_it_last()
    {
        var decision = TagChooser.Choose(Image, Known, "latest@sha256:aaa");

        Assert.Equal(new ImageCandidate("latest", "sha256:ccc", Pushes.Start.AddMinutes(2)), decision.Chosen);
        Assert.Equal("latest now points to sha256:ccc", decision.Reason);
        Assert.Equal(
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest@sha256:ccc",
            ImageReference.For(Image, decision.Chosen!).ToString());
    }

    [Theory]
    [InlineData("latest@sha256:ccc")]
    [InlineData("sha256:ccc")]
    public void The_pinned_digest_is_no_change(string current)
    {
        var decision = TagChooser.Choose(Image, Known, current);

        Assert.Null(decision.Chosen);
        Assert.Equal("latest still points to sha256:ccc, which is deployed", decision.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("latest")]
    public void An_unpinned_deployment_is_pinned(string? current)
    {
        Assert.Equal("sha256:ccc", TagChooser.Choose(Image, Known, current).Chosen?.Digest);
    }

    [Fact]
    public void Pushes_of_other_tags_change_nothing()
    {
        var decision = TagChooser.Choose(Image, [new("1.0.0", "sha256:ddd", Pushes.Start)], "latest@sha256:aaa");

        Assert.Null(decision.Chosen);
        Assert.Equal("no push of 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:latest is known", decision.Reason);
    }

    [Fact]
    public void An_ignored_tag_is_never_pinned()
    {
        var image = Image with { Filter = new TagFilter(null, [TagGlob.TryParse("lat*")!]) };

        Assert.Equal("tag latest is ignored by ignore-tags (lat*)", TagChooser.Choose(image, Known, null).Reason);
    }

    [Fact]
    public void Other_strategies_reference_the_tag_alone()
    {
        var image = Pushes.Image(UpdateStrategy.Semver);

        Assert.Equal(
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0.0",
            ImageReference.For(image, new ImageCandidate("1.0.0", "sha256:ddd", Pushes.Start)).ToString());
    }
}
