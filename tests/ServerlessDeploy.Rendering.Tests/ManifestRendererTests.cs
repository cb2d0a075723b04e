using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Rendering.Tests;

public class ManifestRendererTests
{
    [Fact]
    public async Task A_plain_folder_renders_every_yaml_and_json_file_in_name_order()
    {
        var result = await Render.AppAsync(Render.RepositoryRootOfExamples(), Render.Application("guestbook"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["apps/Deployment:/guestbook-ui", "/Service:/guestbook-ui", "/ConfigMap:/guestbook-settings"], Keys(result.Manifests));
    }

    [Theory]
    [InlineData("gcr.io/heptio-images/ks-guestbook-demo:0.3", "gcr.io/heptio-images/ks-guestbook-demo:0.3")]
    [InlineData("gcr.io/heptio-images/ks-guestbook-demo=registry.local/guestbook:1.0", "registry.local/guestbook:1.0")]
    [InlineData("gcr.io/heptio-images/ks-guestbook-demo:0.2@sha256:0123456789abcdef", "gcr.io/heptio-images/ks-guestbook-demo:0.2@sha256:0123456789abcdef")]
    [InlineData("example.com/other:9", "gcr.io/heptio-images/ks-guestbook-demo:0.2")]
    public async Task Image_overrides_set_the_images_of_a_plain_folder_as_kustomize_would(string image, string expected)
    {
        var result = await Render.AppAsync(Render.RepositoryRootOfExamples(), Render.Application("guestbook"), [image]);

        Assert.True(result.Succeeded, result.Error);
        var deployment = result.Manifests.Single(m => m.Kind == "Deployment");
        Assert.Equal(expected, deployment.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
    }

    [Fact]
    public async Task An_image_override_sets_the_image_a_chart_renders()
    {
        var result = await Render.AppAsync(Render.RepositoryRootOfExamples(), Render.Application("redis-chart"), ["redis:7.4.1"]);

        Assert.True(result.Succeeded, result.Error);
        var statefulSet = result.Manifests.Single(m => m.Kind == "StatefulSet");
        Assert.Equal("redis:7.4.1", statefulSet.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
    }

    [Fact]
    public async Task A_kustomization_is_built_by_kubectl_kustomize()
    {
        var result = await Render.AppAsync(Render.RepositoryRootOfExamples(), Render.Application("podinfo/overlays/production"));

        Assert.True(result.Succeeded, result.Error);
        var deployment = result.Manifests.Single(m => m.Kind == "Deployment");
        Assert.Equal("prod-podinfo", deployment.Name);
        Assert.Equal("ghcr.io/stefanprodan/podinfo:6.7.1", deployment.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
        Assert.Equal(3, deployment.Json["spec"]!["replicas"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_chart_is_rendered_by_helm_template_with_release_name_namespace_and_values()
    {
        var app = Render.Application("redis-chart", """
                helm:
                  releaseName: cache
                  valuesObject:
                    replicas: 2
                  parameters:
                    - name: image.tag
                      value: "7.2"
            """, ns: "caches");

        var result = await Render.AppAsync(Render.RepositoryRootOfExamples(), app);

        Assert.True(result.Succeeded, result.Error);
        var statefulSet = result.Manifests.Single(m => m.Kind == "StatefulSet");
        Assert.Equal("cache-redis", statefulSet.Name);
        Assert.Equal(2, statefulSet.Json["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("redis:7.2", statefulSet.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
    }

    [Fact]
    public async Task Argo_cd_source_override_files_are_honoured_the_app_specific_one_last()
    {
        using var repo = new TempRepository()
            .Write("app/kustomization.yaml", "resources: [deploy.yaml]\n")
            .Write("app/deploy.yaml", Deployment("web", "registry.example.com/web:1.0.0"))
            .Write("app/.argocd-source.yaml", "kustomize:\n  images: [registry.example.com/web:1.1.0]\n")
            .Write("app/.argocd-source-app.yaml", "kustomize:\n  images: [registry.example.com/web:1.2.0]\n");

        var result = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("registry.example.com/web:1.2.0", Image(result.Manifests[0]));
    }

    [Fact]
    public async Task Image_overrides_from_the_state_store_are_set_at_render_time()
    {
        using var repo = new TempRepository().Write("app/kustomization.yaml", "resources: [deploy.yaml]\n").Write("app/deploy.yaml", Deployment("web", "registry.example.com/web:1.0.0"));

        var result = await Render.AppAsync(repo.Root, Render.Application("app"), ["registry.example.com/web:2.0.0"]);

        Assert.Equal("registry.example.com/web:2.0.0", Image(result.Manifests[0]));
    }

    [Fact]
    public async Task Directory_options_recurse_include_and_exclude()
    {
        using var repo = new TempRepository()
            .Write("app/a.yaml", ConfigMap("a"))
            .Write("app/nested/b.yaml", ConfigMap("b"))
            .Write("app/nested/skip.yaml", ConfigMap("skip"))
            .Write("app/notes.txt", "not a manifest");
        var app = Render.Application("app", """
                directory:
                  recurse: true
                  exclude: "{skip.yaml,other.yaml}"
            """);

        var result = await Render.AppAsync(repo.Root, app);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["a", "b"], result.Manifests.Select(m => m.Name));
    }

    [Fact]
    public async Task List_kinds_are_flattened()
    {
        using var repo = new TempRepository().Write("app/list.yaml", $"apiVersion: v1\nkind: List\nitems:\n- {{apiVersion: v1, kind: ConfigMap, metadata: {{name: x}}}}\n- {{apiVersion: v1, kind: ConfigMap, metadata: {{name: y}}}}\n");

        var result = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.Equal(["x", "y"], result.Manifests.Select(m => m.Name));
    }

    [Theory]
    [InlineData("app/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n", "broken.yaml: invalid YAML at line")]
    [InlineData("app/nokind.yaml", "apiVersion: v1\nmetadata: {name: x}\n", "nokind.yaml: document 1: missing kind")]
    [InlineData("app/noname.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n", "noname.yaml: document 1: missing metadata.name")]
    [InlineData("app/Chart.yaml", "apiVersion: v2\nname: x\nversion: 0.1.0\n", "")]
    public async Task Bad_manifests_fail_the_render_naming_the_file_and_problem(string file, string text, string expected)
    {
        using var repo = new TempRepository().Write(file, text);
        if (file.EndsWith("Chart.yaml", StringComparison.Ordinal))
        {
            repo.Write("app/templates/bad.yaml", "{{ .Values.missing.field }}\n");
            expected = "helm template failed: Error:";
        }

        var result = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Manifests);
    }

    [Fact]
    public async Task A_large_folder_keeps_file_order_and_reports_its_first_bad_file_by_name()
    {
        using var repo = new TempRepository();
        for (var i = 0; i < 200; i++)
        {
            repo.Write($"app/r{i:D3}.yaml", ConfigMap($"c{i:D3}"));
        }

        var good = await Render.AppAsync(repo.Root, Render.Application("app"));
        repo.Write("app/r150.yaml", "apiVersion: v1\nmetadata: {name: x}\n").Write("app/r050.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
        var bad = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"c{i:D3}"), good.Manifests.Select(m => m.Name));
        Assert.False(bad.Succeeded);
        Assert.Contains("r050.yaml: document 1: missing metadata.name", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kustomize_error_is_reported_in_its_own_words()
    {
        using var repo = new TempRepository().Write("app/kustomization.yaml", "resources: [missing.yaml]\n");

        var result = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.False(result.Succeeded);
        Assert.Contains("kustomize build failed:", result.Error, StringComparison.Ordinal);
        Assert.Contains("missing.yaml", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    public async Task A_path_that_leaves_the_repository_is_refused(string path)
    {
        using var repo = new TempRepository().Write("app/a.yaml", ConfigMap("a"));

        var result = await Render.AppAsync(repo.Root, Render.Application(path));

        Assert.False(result.Succeeded);
        Assert.Contains("leaves the repository", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_that_leaves_the_repository_is_refused()
    {
        using var outside = new TempRepository().Write("secret.yaml", ConfigMap("stolen"));
        using var repo = new TempRepository().Write("app/a.yaml", ConfigMap("a"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "app", "b.yaml"), Path.Combine(outside.Root, "secret.yaml"));

        var result = await Render.AppAsync(repo.Root, Render.Application("app"));

        Assert.False(result.Succeeded);
        Assert.Contains("\"app/b.yaml\" is a link that leaves the repository", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helm_values_file_outside_the_repository_is_refused()
    {
        using var repo = new TempRepository().Write("chart/Chart.yaml", "apiVersion: v2\nname: x\nversion: 0.1.0\n");
        var app = Render.Application("chart", "    helm:\n      valueFiles: [../../../etc/passwd]\n");

        var result = await Render.AppAsync(repo.Root, app);

        Assert.False(result.Succeeded);
        Assert.Contains("valueFiles entry \"../../../etc/passwd\" leaves the repository", result.Error, StringComparison.Ordinal);
    }

    private static string[] Keys(IEnumerable<Manifest> manifests) => manifests.Select(m => m.Key.ToString()).ToArray();

    private static string Image(Manifest deployment) => deployment.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString();

    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

    private static string Deployment(string name, string image) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  selector: {{matchLabels: {{app: {name}}}}}\n"
        + $"  template:\n    metadata: {{labels: {{app: {name}}}}}\n    spec:\n      containers:\n        - name: {name}\n          image: {image}\n";
}
