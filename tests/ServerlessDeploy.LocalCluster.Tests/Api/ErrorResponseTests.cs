using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Tests.Support;

namespace ServerlessDeploy.LocalCluster.Tests.Api;

/// <summary>Each error case over plain HTTP, where the whole Status object can be seen: code, reason, message and details.</summary>
public sealed class ErrorResponseTests(NoControllersFixture cluster) : IClassFixture<NoControllersFixture>
{
    [Fact]
    public async Task Get_of_a_missing_object_is_NotFound_naming_it()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await cluster.Http.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/missing");

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("deployments.apps \"missing\" not found", (string?)status["message"]);
        Assert.Equal(("missing", "apps", "deployments"), Details(status));
    }

    [Fact]
    public async Task Create_in_a_missing_namespace_is_NotFound_naming_the_namespace()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/namespaces/nowhere/configmaps", ConfigMap("settings"));

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("namespaces \"nowhere\" not found", (string?)status["message"]);
        Assert.Equal(("nowhere", null, "namespaces"), Details(status));
    }

    [Fact]
    public async Task Create_of_an_existing_name_is_AlreadyExists()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var first = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));

        using var second = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var status = await StatusAssert.IsFailureAsync(second, HttpStatusCode.Conflict, "AlreadyExists");
        Assert.Equal("configmaps \"settings\" already exists", (string?)status["message"]);
        Assert.Equal(("settings", null, "configmaps"), Details(status));
    }

    [Fact]
    public async Task Update_with_a_stale_resourceVersion_is_Conflict()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var created = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));
        var stale = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        using var changed = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/settings", With(stale, "data", new JsonObject { ["a"] = "1" }));

        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps/settings", With(stale, "data", new JsonObject { ["a"] = "2" }));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.Conflict, "Conflict");
        Assert.Equal(
            "Operation cannot be fulfilled on configmaps \"settings\": the object has been modified; please apply your changes to the latest version and try again",
            (string?)status["message"]);
    }

    [Theory]
    [InlineData("/api/v1/namespaces/{ns}/configmaps", "ConfigMap", "Bad_Name")]
    [InlineData("/api/v1/namespaces/{ns}/configmaps", "ConfigMap", "ends-with-dash-")]
    [InlineData("/api/v1/namespaces", "Namespace", "has.dots")]
    [InlineData("/api/v1/namespaces/{ns}/services", "Service", "1st-service")]
    [InlineData("/apis/apps/v1/namespaces/{ns}/deployments", "Deployment", "UPPER")]
    public async Task An_invalid_name_is_Invalid_with_a_cause_on_metadata_name(string collection, string kind, string name)
    {
        var ns = await cluster.CreateNamespaceAsync();
        var apiVersion = collection.StartsWith("/apis/apps/v1", StringComparison.Ordinal) ? "apps/v1" : "v1";
        var body = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name } };

        using var response = await SendAsync(HttpMethod.Post, collection.Replace("{ns}", ns, StringComparison.Ordinal), body);

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.StartsWith($"{kind} \"{name}\" is invalid: metadata.name: Invalid value: \"{name}\"", (string?)status["message"], StringComparison.Ordinal);
        Assert.Equal((name, kind), ((string?)status["details"]!["name"], (string?)status["details"]!["kind"]));
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal(("FieldValueInvalid", "metadata.name"), ((string?)cause["reason"], (string?)cause["field"]));
    }

    [Fact]
    public async Task A_name_longer_than_253_characters_is_Invalid()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap(new string('a', 254)));

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        Assert.Contains("must be no more than 253 characters", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_without_name_or_generateName_is_Invalid_with_a_required_cause()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap(""));

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        var cause = Assert.Single(status["details"]!["causes"]!.AsArray())!;
        Assert.Equal(("FieldValueRequired", "metadata.name"), ((string?)cause["reason"], (string?)cause["field"]));
    }

    [Fact]
    public async Task An_unknown_field_under_strict_validation_is_BadRequest_with_the_strict_decoding_error()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(
            HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments?fieldValidation=Strict", Manifests.Read("Objects/deployment-unknown-field.yaml", "web"), "application/yaml");

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replicaz\"",
            (string?)status["message"]);
    }

    [Fact]
    public async Task An_unknown_field_by_default_is_reported_in_a_Warning_header()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(
            HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Read("Objects/deployment-unknown-field.yaml", "web"), "application/yaml");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"spec.replicaz\\\"\""], response.Headers.GetValues("Warning"));
    }

    [Fact(Skip = "Known gap: the server stores unknown fields under fieldValidation=Warn/Ignore; kube-apiserver drops them when it decodes (built-in kinds) or prunes (CRDs).")]
    public async Task An_unknown_field_is_dropped_before_the_object_is_stored()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(
            HttpMethod.Post, $"/apis/apps/v1/namespaces/{ns}/deployments", Manifests.Read("Objects/deployment-unknown-field.yaml", "web"), "application/yaml");

        var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(stored["spec"]!["replicaz"]);
    }

    [Fact]
    public async Task A_protobuf_body_is_UnsupportedMediaType()
    {
        // kubectl's generator commands (kubectl create namespace, create configmap, …) send protobuf: a known limitation.
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "k8s\0binary", "application/vnd.kubernetes.protobuf");

        var status = await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        Assert.Contains("application/vnd.kubernetes.protobuf", (string?)status["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_BadRequest()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", "{\"metadata\":", "application/json");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_body_of_another_kind_is_BadRequest()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var secret = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Secret", ["metadata"] = new JsonObject { ["name"] = "s" } };

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", secret);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_body_naming_another_namespace_is_BadRequest()
    {
        var ns = await cluster.CreateNamespaceAsync();
        var body = ConfigMap("settings");
        body["metadata"]!["namespace"] = "elsewhere";

        using var response = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", body);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_json_patch_whose_test_fails_is_Invalid_and_changes_nothing()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var created = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));
        const string patch = """[{"op":"test","path":"/data/greeting","value":"bye"},{"op":"replace","path":"/data/greeting","value":"changed"}]""";

        using var response = await SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/settings", patch, "application/json-patch+json");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnprocessableEntity, "Invalid");
        using var read = await cluster.Http.GetAsync($"/api/v1/namespaces/{ns}/configmaps/settings");
        Assert.Equal("hello", (string?)JsonNode.Parse(await read.Content.ReadAsStringAsync())!["data"]!["greeting"]);
    }

    [Fact]
    public async Task A_patch_of_an_unknown_type_is_UnsupportedMediaType()
    {
        var ns = await cluster.CreateNamespaceAsync();
        using var created = await SendAsync(HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));

        using var response = await SendAsync(HttpMethod.Patch, $"/api/v1/namespaces/{ns}/configmaps/settings", "{}", "text/plain");

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
    }

    [Fact]
    public async Task Put_on_a_collection_is_MethodNotAllowed()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Put, $"/api/v1/namespaces/{ns}/configmaps", ConfigMap("settings"));

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task Delete_of_a_missing_object_is_NotFound()
    {
        var ns = await cluster.CreateNamespaceAsync();

        using var response = await SendAsync(HttpMethod.Delete, $"/api/v1/namespaces/{ns}/configmaps/missing", null);

        await StatusAssert.IsFailureAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { ["greeting"] = "hello" },
    };

    private static JsonObject With(JsonNode obj, string field, JsonNode value)
    {
        var copy = obj.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    private static (string? Name, string? Group, string? Kind) Details(JsonObject status) =>
        ((string?)status["details"]!["name"], (string?)status["details"]!["group"], (string?)status["details"]!["kind"]);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body) =>
        SendAsync(method, path, body?.ToJsonString(), "application/json");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await cluster.Http.SendAsync(request);
    }
}
