using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class ArgoCdSourceFileEditTests
{
    [Fact]
    public void A_missing_file_gets_forcestring_helm_parameters()
    {
        var text = ArgoCdSourceFileEdit.Apply(null, [("image.name", "registry:5000/team/app"), ("image.tag", "1.10")], []);

        Assert.Equal(
            """
            helm:
              parameters:
              - name: image.name
                value: registry:5000/team/app
                forcestring: true
              - name: image.tag
                value: "1.10"
                forcestring: true

            """,
            text);
    }

    [Fact]
    public void Helm_parameters_are_replaced_by_name_where_they_stand_and_others_kept()
    {
        const string existing = """
            helm:
              parameters:
              - name: image.tag
                value: "1.0"
                forcestring: true
              - name: sidecar.image.tag
                value: "3"
                forcestring: true

            """;

        var text = ArgoCdSourceFileEdit.Apply(existing, [("image.tag", "1.1"), ("image.name", "app")], []);

        Assert.Equal(
            """
            helm:
              parameters:
              - name: image.tag
                value: "1.1"
                forcestring: true
              - name: sidecar.image.tag
                value: "3"
                forcestring: true
              - name: image.name
                value: app
                forcestring: true

            """,
            text);
    }

    [Fact]
    public void Kustomize_images_are_merged_by_image_name()
    {
        const string existing = "kustomize:\n  images:\n  - redis:7\n  - registry:5000/team/app=registry:5000/team/app2:1.0\n";

        var text = ArgoCdSourceFileEdit.Apply(existing, [], ["registry:5000/team/app=registry:5000/team/app2:1.1", "nginx@sha256:0123"]);

        Assert.Equal("kustomize:\n  images:\n  - redis:7\n  - registry:5000/team/app=registry:5000/team/app2:1.1\n  - nginx@sha256:0123\n", text);
    }

    [Fact]
    public void A_second_run_returns_the_text_it_was_given()
    {
        var once = ArgoCdSourceFileEdit.Apply(null, [("image.tag", "007")], ["app:2"]);

        Assert.Same(once, ArgoCdSourceFileEdit.Apply(once, [("image.tag", "007")], ["app:2"]));
    }

    [Fact]
    public void A_file_that_is_not_a_map_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => ArgoCdSourceFileEdit.Apply("- a\n", [("image.tag", "1")], []));

        Assert.Equal(".argocd-source file: must hold one map (`helm:` or `kustomize:`)", error.Message);
    }

    [Fact]
    public void Invalid_yaml_names_the_line()
    {
        var error = Assert.Throws<FormatException>(() => ArgoCdSourceFileEdit.Apply("helm:\n  parameters:\n - x\n", [("image.tag", "1")], []));

        Assert.StartsWith(".argocd-source file: invalid YAML at line 3", error.Message, StringComparison.Ordinal);
    }
}
