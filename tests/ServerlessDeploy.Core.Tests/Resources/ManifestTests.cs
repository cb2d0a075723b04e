using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Resources;

namespace ServerlessDeploy.Core.Tests.Resources;

public class ManifestTests
{
    [Theory]
    [InlineData("apps/v1", "Deployment", "shop", "web", "apps/Deployment:shop/web")]
    [InlineData("v1", "ConfigMap", "shop", "settings", "/ConfigMap:shop/settings")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "", "reader", "rbac.authorization.k8s.io/ClusterRole:/reader")]
    public void Key_is_group_kind_namespace_and_name_without_version(string apiVersion, string kind, string ns, string name, string expected)
    {
        var manifest = new Manifest(new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns.Length == 0 ? null : ns },
        });

        Assert.Equal(expected, manifest.Key.ToString());
    }

    [Fact]
    public void Annotations_and_labels_read_as_string_maps()
    {
        var manifest = new Manifest(JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a",
             "annotations":{"argocd.argoproj.io/sync-wave":"-1"},"labels":{"app":"web"}}}
            """)!.AsObject());

        Assert.Equal("-1", manifest.Annotation("argocd.argoproj.io/sync-wave"));
        Assert.Equal("web", manifest.Labels["app"]);
        Assert.Null(manifest.Annotation("missing"));
    }
}
