using System.Text;
using System.Text.Json;
using ServerlessDeploy.Testing.Lambda;
using ServerlessDeploy.Testing.RuntimeApi;
using ServerlessDeploy.Testing.Time;

namespace ServerlessDeploy.Lambda.Runtime.Tests;

#pragma warning disable CA1001 // xunit disposes the fields through IAsyncLifetime.DisposeAsync.
public sealed class LambdaBootstrapTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);
    private readonly LocalRuntimeApi _api = new();
    private readonly HttpClient _http = new();
    private readonly StringWriter _logOutput = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        await _logOutput.DisposeAsync();
    }

    [Fact]
    public async Task One_invocation_posts_the_handler_response_under_its_request_id()
    {
        _api.Enqueue(new QueuedEvent("req-1", Now.AddSeconds(30).ToUnixTimeMilliseconds(), """{"ping":1}"""));
        var bootstrap = Bootstrap((invocation, _) => Task.FromResult(Encoding.UTF8.GetBytes("echo:" + Encoding.UTF8.GetString(invocation.Event))));

        var outcome = await bootstrap.InvokeOnceAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var post = Assert.Single(_api.Posts);
        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", post.Path);
        Assert.Equal("""echo:{"ping":1}""", post.Body);
        Assert.Null(post.ErrorTypeHeader);
    }

    [Fact]
    public async Task A_throwing_handler_posts_an_error_with_type_and_message_only()
    {
        _api.Enqueue(new QueuedEvent("req-2", Now.AddSeconds(30).ToUnixTimeMilliseconds(), "{}"));
        var bootstrap = Bootstrap((_, _) => throw new InvalidOperationException("render failed",
            new InvalidOperationException("password=hunter2")));

        var outcome = await bootstrap.InvokeOnceAsync(CancellationToken.None);

        Assert.False(outcome.Succeeded);
        var post = Assert.Single(_api.Posts);
        Assert.Equal("/2018-06-01/runtime/invocation/req-2/error", post.Path);
        Assert.Equal("InvalidOperationException", post.ErrorTypeHeader);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("render failed", body.RootElement.GetProperty("errorMessage").GetString());
        Assert.DoesNotContain("hunter2", post.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", _logOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_become_the_invocation_context()
    {
        var deadline = Now.AddSeconds(42);
        _api.Enqueue(new QueuedEvent("req-3", deadline.ToUnixTimeMilliseconds(), "{}",
            "arn:aws:lambda:eu-west-1:123456789012:function:deployer", "Root=1-5759e988-bd862e3fe1be46a994272793"));
        InvocationContext? seen = null;
        var bootstrap = Bootstrap((invocation, _) =>
        {
            seen = invocation.Context;
            return Task.FromResult(Array.Empty<byte>());
        });

        await bootstrap.InvokeOnceAsync(CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal("req-3", seen.RequestId);
        Assert.Equal(deadline, seen.Deadline);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:deployer", seen.FunctionArn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", seen.TraceId);
        Assert.Equal(TimeSpan.FromSeconds(42), seen.RemainingTime(new FixedClock(Now)));
        Assert.Equal(TimeSpan.Zero, seen.RemainingTime(new FixedClock(Now.AddMinutes(5))));
    }

    [Fact]
    public async Task An_init_failure_is_posted_to_the_init_error_path()
    {
        var bootstrap = Bootstrap((_, _) => Task.FromResult(Array.Empty<byte>()));

        await bootstrap.ReportInitErrorAsync(new ArgumentException("DEPLOY_TABLE is not set"), CancellationToken.None);

        var post = Assert.Single(_api.Posts);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("ArgumentException", post.ErrorTypeHeader);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("DEPLOY_TABLE is not set", body.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task The_loop_handles_two_invocations_then_stops_when_cancelled()
    {
        _api.Enqueue(new QueuedEvent("a", Now.AddSeconds(30).ToUnixTimeMilliseconds(), "1"));
        _api.Enqueue(new QueuedEvent("b", Now.AddSeconds(30).ToUnixTimeMilliseconds(), "2"));
        var bootstrap = Bootstrap((invocation, _) => Task.FromResult(invocation.Event));
        using var cancel = new CancellationTokenSource();

        var loop = bootstrap.RunAsync(cancel.Token);
        await _api.WaitForPostAsync(2);
        await cancel.CancelAsync();
        await loop.WaitAsync(LocalRuntimeApi.Ceiling);

        Assert.Equal(
            ["/2018-06-01/runtime/invocation/a/response", "/2018-06-01/runtime/invocation/b/response"],
            _api.Posts.Select(post => post.Path));
        Assert.Equal(["1", "2"], _api.Posts.Select(post => post.Body));
    }

    [Fact]
    public async Task Log_lines_are_json_objects_carrying_the_request_id()
    {
        _api.Enqueue(new QueuedEvent("req-log", Now.AddSeconds(30).ToUnixTimeMilliseconds(), "{}"));
        var bootstrap = Bootstrap((_, _) => Task.FromResult(Array.Empty<byte>()));

        await bootstrap.InvokeOnceAsync(CancellationToken.None);

        var lines = _logOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.Equal("req-log", entry.RootElement.GetProperty("requestId").GetString());
            Assert.Equal("INFO", entry.RootElement.GetProperty("level").GetString());
            Assert.Equal(Now, entry.RootElement.GetProperty("timestamp").GetDateTimeOffset());
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public void A_missing_runtime_api_variable_is_one_clear_error()
    {
        var environment = new DictionaryRuntimeEnvironment(new Dictionary<string, string>());

        var error = Assert.Throws<InvalidOperationException>(() => new RuntimeApiClient(_http, environment));

        Assert.Contains("AWS_LAMBDA_RUNTIME_API", error.Message, StringComparison.Ordinal);
    }

    private LambdaBootstrap Bootstrap(Func<Invocation, CancellationToken, Task<byte[]>> handler)
    {
        var environment = new DictionaryRuntimeEnvironment(new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = _api.Address });
        var client = new RuntimeApiClient(_http, environment);
        return new LambdaBootstrap(client, handler, new JsonLog(_logOutput, new FixedClock(Now)));
    }
}
