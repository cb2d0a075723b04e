using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

/// <summary>Realistic files from testdata: each `x.yaml` edited must equal `x.expected.yaml` byte for byte, and stay so when edited again.</summary>
public class FixtureTests
{
    private const string Web = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web";

    [Fact]
    public void Plain_manifests_change_only_the_matching_container_images()
    {
        var result = PlainYamlImageEdit.Apply(Read("web.yaml"), Web, $"{Web}:1.5.0", "apps/web/web.yaml");

        Assert.Equal(Read("web.expected.yaml"), result.Text);
        Assert.Equal([29, 33, 55], result.Changes.Select(c => c.Line));
        Assert.Empty(PlainYamlImageEdit.Apply(result.Text, Web, $"{Web}:1.5.0", "apps/web/web.yaml").Changes);
    }

    [Fact]
    public void Helm_values_change_in_place_and_gain_missing_keys()
    {
        (string, string)[] values = [("image.tag", "1.10"), ("worker.image.spec", $"{Web}:1.10")];

        var text = HelmValuesEdit.Apply(Read("values.yaml"), values);

        Assert.Equal(Read("values.expected.yaml"), text);
        Assert.Equal(text, HelmValuesEdit.Apply(text, values));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Images", "WriteBack", "testdata", file));
}
