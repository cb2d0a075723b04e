using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class PlainYamlImageEditTests
{
    private const string Manifests = """
        # web tier
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web   # the front end
        spec:
          template:
            spec:
              initContainers:
                - name: migrate
                  image: "registry:5000/team/app:1.0"  # same image, runs first
              containers:
              - name: app
                image: registry:5000/team/app:1.0
                ports: [{containerPort: 8080}]
              - name: sidecar
                image: 'registry:5000/team/proxy:1.0'
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - image: registry:5000/team/app@sha256:0123abcd
                      name: job
        ---
        # an unrelated ConfigMap whose data mentions the image
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: notes
        data:
          image: registry:5000/team/app:1.0

        """;

    [Fact]
    public void Every_matching_container_image_changes_in_its_own_quoting_and_nothing_else_does()
    {
        var result = PlainYamlImageEdit.Apply(Manifests, "registry:5000/team/app", "registry:5000/team/app:1.1", "deploy/web.yaml");

        var expected = Manifests
            .Replace("image: \"registry:5000/team/app:1.0\"", "image: \"registry:5000/team/app:1.1\"", StringComparison.Ordinal)
            .Replace("    image: registry:5000/team/app:1.0\n", "    image: registry:5000/team/app:1.1\n", StringComparison.Ordinal)
            .Replace("image: registry:5000/team/app@sha256:0123abcd", "image: registry:5000/team/app:1.1", StringComparison.Ordinal);
        Assert.Equal(expected, result.Text);
        Assert.Equal(
            [
                new ImageChange("deploy/web.yaml", 11, "registry:5000/team/app:1.0", "registry:5000/team/app:1.1"),
                new ImageChange("deploy/web.yaml", 14, "registry:5000/team/app:1.0", "registry:5000/team/app:1.1"),
                new ImageChange("deploy/web.yaml", 28, "registry:5000/team/app@sha256:0123abcd", "registry:5000/team/app:1.1"),
            ],
            result.Changes);
        Assert.Contains("  image: registry:5000/team/app:1.0\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_quotes_stay_single_and_a_digest_reference_is_written_whole()
    {
        var result = PlainYamlImageEdit.Apply(Manifests, "registry:5000/team/proxy", "registry:5000/team/proxy:1.0@sha256:beef", "web.yaml");

        Assert.Equal(Manifests.Replace("'registry:5000/team/proxy:1.0'", "'registry:5000/team/proxy:1.0@sha256:beef'", StringComparison.Ordinal), result.Text);
        Assert.Equal([new ImageChange("web.yaml", 17, "registry:5000/team/proxy:1.0", "registry:5000/team/proxy:1.0@sha256:beef")], result.Changes);
    }

    [Fact]
    public void Crlf_line_endings_anchors_and_flow_mappings_are_kept()
    {
        const string text = "kind: Pod\r\nspec:\r\n  containers:\r\n  - {name: a, image: &img app:1}\r\n  - name: b\r\n    image: !!str app:1 # tagged\r\n  ephemeralContainers:\r\n  - name: debug\r\n    image: *img\r\n";

        var result = PlainYamlImageEdit.Apply(text, "app", "app:2", "pod.yaml");

        Assert.Equal("kind: Pod\r\nspec:\r\n  containers:\r\n  - {name: a, image: &img app:2}\r\n  - name: b\r\n    image: !!str app:2 # tagged\r\n  ephemeralContainers:\r\n  - name: debug\r\n    image: *img\r\n", result.Text);
        Assert.Equal([4, 6], result.Changes.Select(c => c.Line));
    }

    [Fact]
    public void A_name_that_only_shares_a_prefix_does_not_match()
    {
        const string text = "spec:\n  containers:\n  - image: registry:5000/team/app-worker:1.0\n  - image: registry:5000/team/app\n";

        var result = PlainYamlImageEdit.Apply(text, "registry:5000/team/app", "registry:5000/team/app:2.0", "x.yaml");

        Assert.Equal("spec:\n  containers:\n  - image: registry:5000/team/app-worker:1.0\n  - image: registry:5000/team/app:2.0\n", result.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("---\n---\n")]
    public void A_file_without_objects_is_left_as_it_was(string text)
    {
        var result = PlainYamlImageEdit.Apply(text, "app", "app:2", "empty.yaml");

        Assert.Same(text, result.Text);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void A_byte_order_mark_does_not_shift_the_edit()
    {
        const string text = "\uFEFFspec:\n  containers:\n  - image: app:1\n";

        Assert.Equal("\uFEFFspec:\n  containers:\n  - image: app:2\n", PlainYamlImageEdit.Apply(text, "app", "app:2", "bom.yaml").Text);
    }

    [Fact]
    public void An_image_in_a_block_scalar_is_refused_naming_its_line()
    {
        const string text = "spec:\n  containers:\n  - name: a\n    image: >-\n      app:1\n";

        var error = Assert.Throws<FormatException>(() => PlainYamlImageEdit.Apply(text, "app", "app:2", "pod.yaml"));

        Assert.StartsWith("pod.yaml: line 4: the image is a block scalar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_matching_image_leaves_the_text_as_it_was()
    {
        var result = PlainYamlImageEdit.Apply(Manifests, "registry:5000/team/other", "registry:5000/team/other:2", "web.yaml");

        Assert.Same(Manifests, result.Text);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var once = PlainYamlImageEdit.Apply(Manifests, "registry:5000/team/app", "registry:5000/team/app:1.1", "web.yaml");

        var twice = PlainYamlImageEdit.Apply(once.Text, "registry:5000/team/app", "registry:5000/team/app:1.1", "web.yaml");

        Assert.Equal(once.Text, twice.Text);
        Assert.Empty(twice.Changes);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_the_file_and_line()
    {
        const string text = "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: \"app:1\n";

        var error = Assert.Throws<FormatException>(() => PlainYamlImageEdit.Apply(text, "app", "app:2", "deploy/pod.yaml"));

        Assert.StartsWith("deploy/pod.yaml: invalid YAML at line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_in_a_later_document_names_its_line()
    {
        const string text = "kind: A\n---\nkind: B\nspec:\n  containers: []\n    image: app:1\n";

        var error = Assert.Throws<FormatException>(() => PlainYamlImageEdit.Apply(text, "app", "app:2", "two.yaml"));

        Assert.Matches(@"^two\.yaml: invalid YAML at line 6, column \d+: ", error.Message);
    }
}
