using System.Text.Json.Nodes;
using k8s.Models;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Patching;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Tests.Patching;

public class StrategicMergePatchTests
{
    public static TheoryData<string> Merging => PatchFixture.Names(failing: false);

    public static TheoryData<string> Failing => PatchFixture.Names(failing: true);

    [Theory]
    [MemberData(nameof(Merging))]
    public void Patch_gives_the_expected_object(string name)
    {
        var fixture = PatchFixture.Load(name);

        var result = StrategicMergePatch.Apply(fixture.Model, fixture.Original, fixture.Patch);

        Assert.True(JsonNode.DeepEquals(fixture.Expected, result), $"expected {fixture.Expected?.ToJsonString()}\n     got {result.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void Bad_patch_is_refused_with_kube_apiservers_error(string name)
    {
        var fixture = PatchFixture.Load(name);
        var expected = fixture.Error!.Split('\n', 2);

        var error = Assert.Throws<StatusException>(() => StrategicMergePatch.Apply(fixture.Model, fixture.Original, fixture.Patch));

        Assert.Equal(expected[0], $"{error.Code} {error.Reason}");
        Assert.Contains(expected[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_the_object_nor_the_patch_is_changed()
    {
        var fixture = PatchFixture.Load("directives-stripped-from-new-fields");
        var original = fixture.Original.DeepClone();
        var patch = fixture.Patch.DeepClone();

        var first = StrategicMergePatch.Apply(fixture.Model, fixture.Original, fixture.Patch);
        var second = StrategicMergePatch.Apply(fixture.Model, fixture.Original, fixture.Patch);

        Assert.True(JsonNode.DeepEquals(original, fixture.Original));
        Assert.True(JsonNode.DeepEquals(patch, fixture.Patch));
        Assert.True(JsonNode.DeepEquals(first, second));
    }

    [Theory]
    [InlineData("[{\"op\":\"add\"}]", "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    [InlineData("\"spec\"", "json: cannot unmarshal string into Go value of type map[string]interface {}")]
    [InlineData("{\"spec\":", "error decoding patch: ")]
    public void Patch_that_is_not_a_json_object_is_a_bad_request(string patch, string message)
    {
        var error = Assert.Throws<StatusException>(() => StrategicMergePatch.For(BuiltIn("Deployment"), patch));

        Assert.Equal((400, "BadRequest"), (error.Code, error.Reason));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_patch_changes_nothing()
    {
        var live = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "web" } };

        var result = StrategicMergePatch.For(BuiltIn("ConfigMap"), "null")(live);

        Assert.True(JsonNode.DeepEquals(live, result));
    }

    [Fact]
    public void Custom_resources_refuse_the_media_type_as_kube_apiserver_does()
    {
        var crontab = new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", Namespaced: true, HasStatus: false, [], []);

        var error = Assert.Throws<StatusException>(() => StrategicMergePatch.For(crontab, "{}"));

        Assert.Equal((415, "UnsupportedMediaType"), (error.Code, error.Reason));
        Assert.Equal(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
            error.Message);
    }

    [Fact]
    public void Fields_of_free_form_values_merge_as_maps_and_replace_lists()
    {
        var live = new JsonObject { ["spec"] = new JsonObject { ["x"] = new JsonObject { ["a"] = 1, ["l"] = new JsonArray(1, 2) } } };
        var patch = new JsonObject { ["spec"] = new JsonObject { ["x"] = new JsonObject { ["b"] = 2, ["l"] = new JsonArray(3) } } };

        var result = StrategicMergePatch.Apply(typeof(V1ConfigMap), live, patch);

        Assert.Equal("""{"spec":{"x":{"a":1,"l":[3],"b":2}}}""", result.ToJsonString());
    }

    private static ResourceType BuiltIn(string kind) => BuiltInResourceTypes.Types.Single(t => t.Kind == kind);
}
