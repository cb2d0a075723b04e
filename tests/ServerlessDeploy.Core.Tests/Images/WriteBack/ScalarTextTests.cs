using ServerlessDeploy.Core.Images.WriteBack;
using YamlDotNet.Core;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class ScalarTextTests
{
    [Theory]
    [InlineData("1.10")]
    [InlineData("010")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("1_000")]
    [InlineData("-1")]
    [InlineData(".5")]
    [InlineData("yes")]
    [InlineData("Off")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("2024-01-31")]
    [InlineData(".inf")]
    [InlineData("a: b")]
    [InlineData("#x")]
    [InlineData("*alias")]
    [InlineData(" padded")]
    public void A_plain_scalar_that_would_not_read_back_as_this_string_is_double_quoted(string value)
    {
        Assert.Equal($"\"{value}\"", ScalarText.Render(value, ScalarStyle.Plain));
    }

    [Theory]
    [InlineData("v1.10")]
    [InlineData("1.10-rc1")]
    [InlineData("1.0.0")]
    [InlineData("registry:5000/team/app:1.0@sha256:0123")]
    [InlineData("IfNotPresent")]
    public void An_ordinary_string_stays_plain(string value)
    {
        Assert.Equal(value, ScalarText.Render(value, ScalarStyle.Plain));
    }

    [Fact]
    public void Quoted_styles_are_kept_and_escaped()
    {
        Assert.Equal("'it''s'", ScalarText.Render("it's", ScalarStyle.SingleQuoted));
        Assert.Equal("\"say \\\"hi\\\"\\\\\"", ScalarText.Render("say \"hi\"\\", ScalarStyle.DoubleQuoted));
        Assert.Equal("\"a\\nb\"", ScalarText.Render("a\nb", ScalarStyle.SingleQuoted));
    }
}
