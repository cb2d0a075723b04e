using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;

namespace ServerlessDeploy.LocalCluster.Tests.OpenApi;

public class UnknownFieldFinderTests
{
    [Theory]
    [InlineData("deployment-valid.json", "Deployment")]
    [InlineData("configmap-maps.json", "ConfigMap")]
    public void Known_fields_maps_of_strings_and_int_or_strings_are_not_flagged(string fixture, string kind) =>
        Assert.Empty(UnknownFieldFinder.Find(Fixtures.Load(fixture), Fixtures.BuiltIn(kind)));

    [Theory]
    [InlineData("deployment-unknown-fields.json", "Deployment",
        "metadata.labelz",
        "spec.replicass",
        "spec.template.spec.containers[0].imagee",
        "spec.template.spec.containers[1].ports[1].hostPortt",
        "spec.template.spec.volumes[0].configMap.itemz")]
    [InlineData("crd-unknown-in-schema-properties.json", "CustomResourceDefinition",
        "spec.versions[0].schema.openAPIV3Schema.properties.spec.propertiez")]
    public void Unknown_built_in_fields_are_named_as_kube_apiserver_names_them(string fixture, string kind, params string[] expected) =>
        Assert.Equal(expected, UnknownFieldFinder.Find(Fixtures.Load(fixture), Fixtures.BuiltIn(kind)));

    [Fact]
    public void Custom_resource_matching_its_schema_has_no_unknown_fields() =>
        Assert.Empty(UnknownFieldFinder.Find(Fixtures.Load("crontab-valid.json"), Fixtures.CronTab(Fixtures.Load("crontab-schema.json"))));

    [Fact]
    public void Custom_resource_fields_outside_its_schema_are_found_through_arrays_maps_and_preserved_objects() =>
        Assert.Equal(
            [
                "metadata.labelz",
                "spec.cronSpecc",
                "spec.containers[1].imagee",
                "spec.workers.small.sizee",
                "spec.config.mode.levell",
                "spec.template.metadata.nam",
                "statuss",
            ],
            UnknownFieldFinder.Find(Fixtures.Load("crontab-unknown-fields.json"), Fixtures.CronTab(Fixtures.Load("crontab-schema.json"))));

    [Fact]
    public void Schema_preserving_unknown_fields_at_the_root_keeps_undeclared_fields_but_still_checks_declared_ones()
    {
        var schema = Fixtures.Load("crontab-schema.json");
        schema["x-kubernetes-preserve-unknown-fields"] = true;

        var unknown = UnknownFieldFinder.Find(Fixtures.Load("crontab-unknown-fields.json"), Fixtures.CronTab(schema));

        Assert.DoesNotContain("statuss", unknown);
        Assert.Contains("spec.cronSpecc", unknown);
    }

    [Fact]
    public void Custom_kind_without_a_schema_accepts_any_field_but_still_checks_metadata() =>
        Assert.Equal(["metadata.labelz"], UnknownFieldFinder.Find(Fixtures.Load("crontab-unknown-fields.json"), Fixtures.CronTab(null)));

    [Fact]
    public void Paths_read_as_the_strict_decoding_error_kube_apiserver_returns() =>
        Assert.Equal(
            "strict decoding error: unknown field \"spec.replicass\", unknown field \"spec.template.spec.containers[0].imagee\"",
            UnknownFieldFinder.StrictDecodingError(["spec.replicass", "spec.template.spec.containers[0].imagee"]));

    [Fact]
    public void Collection_stops_at_one_hundred_fields_as_kube_apiserver_does()
    {
        var configMap = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap" };
        for (var index = 0; index < 150; index++)
        {
            configMap[$"extra{index}"] = index;
        }

        Assert.Equal(UnknownFieldCollector.Limit, UnknownFieldFinder.Find(configMap, Fixtures.BuiltIn("ConfigMap")).Count);
    }
}
