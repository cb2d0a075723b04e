using System.Text;
using System.Text.Json;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Events;

namespace ServerlessDeploy.Functions.Tests.Events;

public sealed class FunctionUrlEventTests
{
    [Fact]
    public void A_payload_format_2_request_reads_path_headers_method_and_body()
    {
        var request = FunctionUrlRequest.Parse(TestData.Bytes("testdata/function-url.json"));

        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal("value1,value2", request.Headers["header2"]);
        Assert.Equal("POST", request.RequestContext.Http.Method);
        Assert.Equal("123.123.123.123", request.RequestContext.Http.SourceIp);
        Assert.Equal("Hello from client!", request.Body);
        Assert.False(request.IsBase64Encoded);
    }

    [Fact]
    public void A_request_without_a_body_has_a_null_body()
    {
        var json = """{"rawPath":"/","headers":{},"requestContext":{"http":{"method":"GET"}},"isBase64Encoded":false}""";

        var request = FunctionUrlRequest.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Null(request.Body);
        Assert.Equal("GET", request.RequestContext.Http.Method);
    }

    [Fact]
    public void An_sqs_event_is_not_a_function_url_request_and_the_error_names_what_is_missing()
    {
        var error = Assert.Throws<LambdaEventFormatException>(() => FunctionUrlRequest.Parse(TestData.Bytes("testdata/sqs-standard.json")));

        Assert.Contains("not a function URL request", error.Message, StringComparison.Ordinal);
        Assert.Contains("'rawPath'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'requestContext'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_an_http_method_names_it()
    {
        var json = """{"rawPath":"/","headers":{},"requestContext":{"http":{"path":"/"}}}""";

        var error = Assert.Throws<LambdaEventFormatException>(() => FunctionUrlRequest.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("'method'", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.requestContext.http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_response_has_status_headers_and_body()
    {
        var response = new FunctionUrlResponse(202, new Dictionary<string, string> { ["content-type"] = "application/json" }, """{"message":"ok"}""");

        using var json = JsonDocument.Parse(response.ToJson());

        Assert.Equal(202, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/json", json.RootElement.GetProperty("headers").GetProperty("content-type").GetString());
        Assert.Equal("""{"message":"ok"}""", json.RootElement.GetProperty("body").GetString());
    }
}
