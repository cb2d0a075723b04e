using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessDeploy.Testing.Http;

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 that records every request and answers from a script, in order. With the script
/// used up it answers 599, so a test that sends more than it expected fails on that answer; unless the test set an
/// answer made from each request (<see cref="AnswerEvery"/>), for a caller whose requests it cannot script ahead.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, ScriptedResponse> _unscripted = _ => new ScriptedResponse(599, "{\"message\":\"no scripted response left\"}");

    private RecordingServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>An HttpClient for the code under test, disposed with the server.</summary>
    public HttpClient Http { get; } = new();

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public RecordingServer Answer(int status, string body, IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/x-amz-json-1.1") =>
        Answer(new ScriptedResponse(status, body, contentType, headers));

    public RecordingServer Answer(int status, byte[] body, string contentType) =>
        Answer(new ScriptedResponse(status, "", contentType, Bytes: body));

    public RecordingServer Answer(ScriptedResponse answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    /// <summary>
    /// Answers every request the script does not from the request itself, from now on: a process under test sends
    /// what the test cannot know ahead (an SQS message whose body MD5 the SDK checks).
    /// </summary>
    public RecordingServer AnswerEvery(Func<RecordedRequest, ScriptedResponse> answer)
    {
        _unscripted = answer;
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", headers, body.ToArray());
        _requests.Enqueue(request);

        var answer = _script.TryDequeue(out var scripted) ? scripted : _unscripted(request);
        if (answer.Silent)
        {
            try
            {
                await Task.Delay(ScriptedResponse.SilenceCeiling, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Bytes is { } bytes)
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
