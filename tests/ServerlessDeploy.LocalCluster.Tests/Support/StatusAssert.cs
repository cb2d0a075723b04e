using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace ServerlessDeploy.LocalCluster.Tests.Support;

/// <summary>Asserts that a call fails the way kube-apiserver fails it: an HTTP code and a Status object with the reason.</summary>
internal static class StatusAssert
{
    /// <summary>Runs a KubernetesClient call that must fail, and returns the Status the server sent.</summary>
    public static async Task<V1Status> FailsAsync(Func<Task> call, HttpStatusCode code, string reason)
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(call);
        Assert.Equal(code, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(("Status", "Failure", reason, (int)code), (status.Kind, status.Status, status.Reason, status.Code ?? 0));
        return status;
    }

    /// <summary>Reads a raw response that must be a failure Status with this code and reason, and returns its JSON.</summary>
    public static async Task<JsonObject> IsFailureAsync(HttpResponseMessage response, HttpStatusCode code, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(code == response.StatusCode, $"expected {(int)code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("v1", (string?)status["apiVersion"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Equal((int)code, (int?)status["code"]);
        Assert.False(string.IsNullOrEmpty((string?)status["message"]), "a Status failure carries a message");
        return status;
    }
}
