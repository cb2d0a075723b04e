using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.State.Tests.ReadModel;

public class AppFacetsReaderTests
{
    private const string Guestbook = """
        {"apiVersion":"argoproj.io/v1alpha1","kind":"Application",
         "metadata":{"name":"guestbook","labels":{"team":"web","tier":"frontend"}},
         "spec":{"project":"shop",
                 "source":{"repoURL":"https://git.example/shop/config.git","path":"guestbook"},
                 "destination":{"server":"https://kubernetes.default.svc","namespace":"guestbook"}}}
        """;

    [Fact]
    public void An_application_gives_its_project_destination_repository_and_labels()
    {
        var facets = AppFacetsReader.Read(Guestbook);

        Assert.Equal(("shop", "https://kubernetes.default.svc", "", "guestbook"), (facets.Project, facets.Server, facets.ClusterName, facets.Namespace));
        Assert.Equal("https://kubernetes.default.svc", facets.Cluster);
        Assert.Equal(["https://git.example/shop/config.git"], facets.Repositories);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web", ["tier"] = "frontend" }, facets.Labels);
    }

    [Fact]
    public void A_multi_source_application_gives_every_repository_once_and_a_named_destination_is_its_cluster()
    {
        var facets = AppFacetsReader.Read("""
            {"spec":{"sources":[{"repoURL":"https://charts.example/stable","chart":"redis"},
                                {"repoURL":"https://git.example/values.git","ref":"values"},
                                {"repoURL":"https://charts.example/stable","chart":"nginx"}],
                     "destination":{"name":"prod-eu","namespace":"cache"}}}
            """);

        Assert.Equal(["https://charts.example/stable", "https://git.example/values.git"], facets.Repositories);
        Assert.Equal(("prod-eu", "prod-eu", ""), (facets.Cluster, facets.ClusterName, facets.Server));
    }

    [Fact]
    public void An_application_without_a_project_is_in_the_default_project_as_argo_cd_reads_it() =>
        Assert.Equal("default", AppFacetsReader.Read("""{"spec":{"destination":{"namespace":"a"}}}""").Project);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{\"spec\": {\"project\": ")]
    [InlineData("apiVersion: argoproj.io/v1alpha1")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    public void A_missing_or_malformed_manifest_gives_empty_facets(string? manifest) =>
        Assert.Same(AppFacets.None, AppFacetsReader.Read(manifest));

    [Fact]
    public void Fields_of_the_wrong_shape_are_left_empty_and_the_rest_is_read()
    {
        var facets = AppFacetsReader.Read("""
            {"metadata":{"labels":{"team":"web","replicas":3,"nested":{"a":"b"}}},
             "spec":{"project":7,"source":"https://git.example/a.git","sources":{"repoURL":"x"},"destination":["in-cluster"]}}
            """);

        Assert.Equal(("default", "", "", ""), (facets.Project, facets.Server, facets.ClusterName, facets.Namespace));
        Assert.Empty(facets.Repositories);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web" }, facets.Labels);
    }

    [Fact]
    public void The_list_summary_carries_the_facets_of_the_recorded_manifest()
    {
        var summary = AppViews.Summary(AppState.New("guestbook") with { Manifest = Guestbook });

        Assert.Equal(("shop", "guestbook"), (summary.Facets.Project, summary.Facets.Namespace));
        Assert.Same(AppFacets.None, AppViews.Summary(AppState.New("old-record")).Facets);
    }
}
