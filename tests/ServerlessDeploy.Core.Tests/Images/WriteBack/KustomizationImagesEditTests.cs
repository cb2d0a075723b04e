using ServerlessDeploy.Core.Images.WriteBack;

namespace ServerlessDeploy.Core.Tests.Images.WriteBack;

public class KustomizationImagesEditTests
{
    private const string Kustomization = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - deployment.yaml   # the app
        images:
          - name: registry:5000/team/app
            newTag: "1.0"   # bumped by the deployer
          - name: redis
            newName: mirror.local/redis
        # overlays add their own patches
        """;

    [Fact]
    public void An_existing_entry_changes_in_place()
    {
        var text = KustomizationImagesEdit.Apply(Kustomization, "registry:5000/team/app", null, "1.10", null);

        Assert.Equal(Kustomization.Replace("newTag: \"1.0\"", "newTag: \"1.10\"", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Missing_fields_are_added_to_the_entry_in_kustomizes_order()
    {
        var text = KustomizationImagesEdit.Apply(Kustomization, "redis", null, "7.2", "sha256:beef");

        Assert.Equal(
            Kustomization.Replace("    newName: mirror.local/redis\n", "    newName: mirror.local/redis\n    newTag: \"7.2\"\n    digest: sha256:beef\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void A_missing_entry_is_added_after_the_others_with_their_indent()
    {
        var text = KustomizationImagesEdit.Apply(Kustomization, "registry:5000/team/worker", "registry:5000/team/worker2", "2.0", null);

        Assert.Equal(
            Kustomization.Replace(
                "    newName: mirror.local/redis\n",
                "    newName: mirror.local/redis\n  - name: registry:5000/team/worker\n    newName: registry:5000/team/worker2\n    newTag: \"2.0\"\n",
                StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Missing_images_are_added_at_the_end_of_the_file_keeping_crlf()
    {
        const string text = "resources:\r\n- deployment.yaml\r\n";

        var edited = KustomizationImagesEdit.Apply(text, "app", null, "v2", null);

        Assert.Equal("resources:\r\n- deployment.yaml\r\nimages:\r\n- name: app\r\n  newTag: v2\r\n", edited);
    }

    [Fact]
    public void An_empty_images_key_gets_the_entry()
    {
        Assert.Equal(
            "images: # filled in by the deployer\n- name: app\n  digest: sha256:0123\nresources: []\n",
            KustomizationImagesEdit.Apply("images: # filled in by the deployer\nresources: []\n", "app", null, null, "sha256:0123"));
    }

    [Fact]
    public void A_missing_file_becomes_a_kustomization_with_the_image()
    {
        Assert.Equal(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n- name: app\n  newName: registry:5000/app\n  newTag: \"1.0\"\n",
            KustomizationImagesEdit.Apply(null, "app", "registry:5000/app", "1.0", null));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        var once = KustomizationImagesEdit.Apply(Kustomization, "registry:5000/team/worker", null, "2.0", "sha256:0123");

        Assert.Equal(once, KustomizationImagesEdit.Apply(once, "registry:5000/team/worker", null, "2.0", "sha256:0123"));
    }

    [Fact]
    public void A_flow_list_of_images_is_refused_naming_its_line()
    {
        var error = Assert.Throws<FormatException>(() => KustomizationImagesEdit.Apply("kind: Kustomization\nimages: [{name: app, newTag: v1}]\n", "app", null, "v2", null));

        Assert.StartsWith("kustomization.yaml: line 2: images is not a block list", error.Message, StringComparison.Ordinal);
    }
}
