using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class HelmValuesEditTests
{
    private const string Values = """
        # Default values for web.
        replicaCount: 2

        image:
            repository: registry:5000/team/app   # pushed by CI
            tag: '1.0'
            pullPolicy: IfNotPresent

        # keep the service last
        service:
            type: ClusterIP
        """;

    [Fact]
    public void Existing_values_change_in_place_keeping_their_quotes_and_everything_around_them()
    {
        var text = HelmValuesEdit.Apply(Values, [("image.tag", "1.10"), ("image.repository", "registry:5000/team/app2")]);

        Assert.Equal(Values.Replace("'1.0'", "'1.10'", StringComparison.Ordinal).Replace("team/app ", "team/app2 ", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_plain_value_that_would_read_as_a_number_is_double_quoted()
    {
        const string text = "image:\n  tag: v1 # current\n";

        Assert.Equal("image:\n  tag: \"1.10\" # current\n", HelmValuesEdit.Apply(text, [("image.tag", "1.10")]));
        Assert.Equal("image:\n  tag: 1.10-rc1 # current\n", HelmValuesEdit.Apply(text, [("image.tag", "1.10-rc1")]));
    }

    [Fact]
    public void Missing_keys_and_maps_are_added_at_the_end_of_their_parent_with_the_files_indent()
    {
        var text = HelmValuesEdit.Apply(Values, [("image.digest", "sha256:0123"), ("worker.image.spec", "registry:5000/team/app:1.1")]);

        Assert.Equal(
            """
            # Default values for web.
            replicaCount: 2

            image:
                repository: registry:5000/team/app   # pushed by CI
                tag: '1.0'
                pullPolicy: IfNotPresent
                digest: sha256:0123

            # keep the service last
            service:
                type: ClusterIP
            worker:
                image:
                    spec: registry:5000/team/app:1.1

            """,
            text);
    }

    [Fact]
    public void Crlf_files_get_crlf_lines_and_an_empty_key_gets_its_value_on_its_line()
    {
        const string text = "image:\r\n  repository: app\r\n  tag:\r\nother: {}\r\n";

        var edited = HelmValuesEdit.Apply(text, [("image.tag", "2.0"), ("image.pullPolicy", "Always")]);

        Assert.Equal("image:\r\n  repository: app\r\n  tag: \"2.0\"\r\n  pullPolicy: Always\r\nother: {}\r\n", edited);
    }

    [Theory]
    [InlineData("image:\n  tag:\n\n# later\nother: 1\n", "image:\n  tag:\n  pullPolicy: Always\n\n# later\nother: 1\n")]
    [InlineData("image:\n  cfg: |\n    a\n    b\n\nother: 1\n", "image:\n  cfg: |\n    a\n    b\n  pullPolicy: Always\n\nother: 1\n")]
    [InlineData("image:\n  cfg: >-\n    a\n    b\nother: 1", "image:\n  cfg: >-\n    a\n    b\n  pullPolicy: Always\nother: 1")]
    [InlineData("image:\n  tag:", "image:\n  tag:\n  pullPolicy: Always\n")]
    [InlineData("# only a comment", "# only a comment\nimage:\n  pullPolicy: Always\n")]
    public void A_key_added_after_an_empty_value_a_block_scalar_or_the_last_line_lands_on_its_own_line(string text, string expected)
    {
        Assert.Equal(expected, HelmValuesEdit.Apply(text, [("image.pullPolicy", "Always")]));
    }

    [Fact]
    public void A_missing_file_becomes_a_values_file_holding_the_keys()
    {
        var text = HelmValuesEdit.Apply(null, [("image.repository", "registry:5000/team/app"), ("image.tag", "true")]);

        Assert.Equal("image:\n  repository: registry:5000/team/app\n  tag: \"true\"\n", text);
    }

    [Fact]
    public void An_escaped_dot_is_part_of_the_key()
    {
        const string text = "podAnnotations:\n  example.com/image: old\n";

        Assert.Equal("podAnnotations:\n  example.com/image: app:2\n", HelmValuesEdit.Apply(text, [("podAnnotations.example\\.com/image", "app:2")]));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        (string, string)[] values = [("image.tag", "1.10"), ("worker.image.tag", "007")];
        var once = HelmValuesEdit.Apply(Values, values);

        Assert.Equal(once, HelmValuesEdit.Apply(once, values));
    }

    [Fact]
    public void A_path_through_a_value_is_refused_naming_its_line()
    {
        var error = Assert.Throws<FormatException>(() => HelmValuesEdit.Apply(Values, [("replicaCount.tag", "1")]));

        Assert.Equal("Helm values file: line 2: cannot set 'replicaCount.tag' in place: 'replicaCount' holds a value", error.Message);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_the_line()
    {
        var error = Assert.Throws<FormatException>(() => HelmValuesEdit.Apply("image:\n  tag: 1\n bad: 2\n", [("image.tag", "2")]));

        Assert.StartsWith("Helm values file: invalid YAML at line 3", error.Message, StringComparison.Ordinal);
    }
}
