using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.OpenApi;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Tests.OpenApi;

public class OpenApiDocumentsTests
{
    private static readonly OpenApiDocuments BuiltIns = new(BuiltInResourceTypes.Types);
    private static readonly string[] WriteMethods = ["post", "put", "patch"];
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation"];

    [Fact]
    public void Index_lists_every_built_in_group_version()
    {
        var expected = BuiltInResourceTypes.Types
            .Select(type => type.Group.Length == 0 ? "api/v1" : $"apis/{type.Group}/{type.Version}")
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, IndexPaths(BuiltIns).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Index_points_to_each_document_with_the_sha512_of_its_bytes()
    {
        foreach (var (path, url) in IndexPaths(BuiltIns))
        {
            var document = BuiltIns.Find(path)!;
            Assert.Equal(Convert.ToHexString(SHA512.HashData(document.Json.Span)), document.Hash);
            Assert.Equal($"/openapi/v3/{path}?hash={document.Hash}", url);
        }
    }

    [Fact]
    public void Documents_are_byte_for_byte_stable_across_builds() =>
        Assert.Equal(BuiltIns.Index.ToArray(), new OpenApiDocuments(BuiltInResourceTypes.Types).Index.ToArray());

    [Fact]
    public void Apps_document_declares_the_Deployment_kind_and_a_PATCH_that_takes_fieldValidation()
    {
        var document = Parse(BuiltIns, "apis/apps/v1");

        var deployment = document["components"]!["schemas"]!["io.k8s.api.apps.v1.Deployment"]!;
        Assert.Equal("""[{"group":"apps","kind":"Deployment","version":"v1"}]""", deployment["x-kubernetes-group-version-kind"]!.ToJsonString());
        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("""{"group":"apps","kind":"Deployment","version":"v1"}""", patch["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal(["dryRun", "fieldManager", "fieldValidation", "force"], QueryParameterNames(patch));
    }

    [Theory]
    [InlineData("deployments", "Deployment")]
    [InlineData("statefulsets", "StatefulSet")]
    [InlineData("replicasets", "ReplicaSet")]
    public void Apps_document_has_scale_paths_that_answer_an_autoscaling_v1_Scale(string plural, string kind)
    {
        var document = Parse(BuiltIns, "apis/apps/v1");

        var scale = document["paths"]![$"/apis/apps/v1/namespaces/{{namespace}}/{plural}/{{name}}/scale"]!;
        Assert.Equal(["get", "parameters", "patch", "put"], scale.AsObject().Select(entry => entry.Key).Order(StringComparer.Ordinal));
        var read = scale["get"]!;
        Assert.Equal($"readAppsV1Namespaced{kind}Scale", (string?)read["operationId"]);
        Assert.Equal("""{"group":"autoscaling","kind":"Scale","version":"v1"}""", read["x-kubernetes-group-version-kind"]!.ToJsonString());
        var answered = (string)read["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        Assert.Equal("Scale", (string?)document["components"]!["schemas"]![answered["#/components/schemas/".Length..]]!["x-kubernetes-group-version-kind"]![0]!["kind"]);
        Assert.False(document["paths"]!.AsObject().ContainsKey("/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/scale"));
    }

    [Fact]
    public void Every_write_operation_takes_fieldValidation_dryRun_and_fieldManager()
    {
        // kubectl takes the first PATCH operation of a kind it meets, in no fixed order, so every one must qualify.
        var missing =
            from document in BuiltIns.Documents
            from path in Parse(BuiltIns, document.Path)["paths"]!.AsObject()
            from method in WriteMethods
            let operation = path.Value![method]
            where operation is not null
            let names = QueryParameterNames(operation)
            where !WriteParameters.All(names.Contains)
                || (method == "patch" && !names.Contains("force"))
                || operation["x-kubernetes-group-version-kind"] is not JsonObject
            select $"{method} {path.Key}";

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_reference_resolves_inside_its_own_document()
    {
        var unresolved =
            from document in BuiltIns.Documents
            let json = Parse(BuiltIns, document.Path)
            let schemas = json["components"]!["schemas"]!.AsObject()
            from reference in References(json)
            where !schemas.ContainsKey(reference["#/components/schemas/".Length..])
            select $"{document.Path}: {reference}";

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Container_lists_carry_their_merge_keys()
    {
        var schemas = Parse(BuiltIns, "api/v1")["components"]!["schemas"]!;

        var containers = schemas["k8s.Models.V1PodSpec"]!["properties"]!["containers"]!;
        Assert.Equal("name", (string?)containers["x-kubernetes-patch-merge-key"]);
        Assert.Equal("merge", (string?)containers["x-kubernetes-patch-strategy"]);
        Assert.Equal("map", (string?)containers["x-kubernetes-list-type"]);
        var ports = schemas["k8s.Models.V1Container"]!["properties"]!["ports"]!;
        Assert.Equal("""["containerPort","protocol"]""", ports["x-kubernetes-list-map-keys"]!.ToJsonString());
    }

    [Fact]
    public void Cluster_scoped_kinds_have_no_namespace_in_their_paths()
    {
        var paths = Parse(BuiltIns, "api/v1")["paths"]!.AsObject();

        Assert.Contains("/api/v1/namespaces/{name}", paths.Select(path => path.Key));
        Assert.Contains("/api/v1/persistentvolumes/{name}/status", paths.Select(path => path.Key));
        Assert.DoesNotContain("/api/v1/namespaces/{namespace}/persistentvolumes", paths.Select(path => path.Key));
    }

    [Fact]
    public void Custom_kind_gets_a_document_with_its_schema_and_without_strategic_merge_patch()
    {
        var documents = new OpenApiDocuments([.. BuiltInResourceTypes.Types, Fixtures.CronTab(Fixtures.Load("crontab-schema.json"))]);

        var document = Parse(documents, "apis/stable.example.com/v1");

        var cronTab = document["components"]!["schemas"]!["com.example.stable.v1.CronTab"]!;
        Assert.Equal("string", (string?)cronTab["properties"]!["spec"]!["properties"]!["cronSpec"]!["type"]);
        Assert.Equal("""[{"group":"stable.example.com","kind":"CronTab","version":"v1"}]""", cronTab["x-kubernetes-group-version-kind"]!.ToJsonString());
        var patch = document["paths"]!["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"]!["patch"]!;
        Assert.Contains("fieldValidation", QueryParameterNames(patch));
        Assert.DoesNotContain("application/strategic-merge-patch+json", patch["requestBody"]!["content"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal(BuiltIns.Find("apis/apps/v1")!.Hash, documents.Find("apis/apps/v1")!.Hash);
    }

    [Fact]
    public void Cache_rebuilds_only_when_the_set_of_types_changes()
    {
        var cache = new OpenApiDocumentCache();
        var first = cache.For(BuiltInResourceTypes.Types);

        Assert.Same(first, cache.For([.. BuiltInResourceTypes.Types]));
        Assert.NotSame(first, cache.For([.. BuiltInResourceTypes.Types, Fixtures.CronTab(null)]));
    }

    private static Dictionary<string, string> IndexPaths(OpenApiDocuments documents) =>
        JsonNode.Parse(documents.Index.Span)!["paths"]!.AsObject()
            .ToDictionary(entry => entry.Key, entry => (string)entry.Value!["serverRelativeURL"]!);

    private static JsonObject Parse(OpenApiDocuments documents, string path) =>
        JsonNode.Parse(documents.Find(path)!.Json.Span)!.AsObject();

    private static string[] QueryParameterNames(JsonNode operation) =>
        [.. operation["parameters"]!.AsArray().Where(parameter => (string?)parameter!["in"] == "query").Select(parameter => (string)parameter!["name"]!)];

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        // JSONSchemaProps declares a property named "$ref" (an object there, not a reference).
        JsonObject json => json.SelectMany(entry => entry is { Key: "$ref", Value: JsonValue reference } ? [(string)reference!] : References(entry.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
