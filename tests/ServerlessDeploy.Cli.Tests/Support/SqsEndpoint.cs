using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServerlessDeploy.Cli.Tests.Support;

/// <summary>
/// A Kestrel endpoint on 127.0.0.1 standing in for SQS's JSON protocol: it records each call (X-Amz-Target and
/// body) and answers SendMessage with a message id and the MD5 of the body the SDK checks, or with the error set by
/// <see cref="FailWith"/>.
/// </summary>
internal sealed class SqsEndpoint : IAsyncDisposable
{
    public const string MessageId = "0b6d5f3e-2d8a-4c2e-9a51-7e1f0c3d9b42";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Target, JsonObject Body)> _calls = new();
    private (string Code, string Message)? _error;

    private SqsEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<(string Target, JsonObject Body)> Calls => [.. _calls];

    public static async Task<SqsEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new SqsEndpoint(app);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return endpoint;
    }

    /// <summary>Answers every call from now on with HTTP 400 and this error, as SQS does.</summary>
    public void FailWith(string code, string message) => _error = (code, message);

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        _calls.Enqueue((context.Request.Headers["X-Amz-Target"].ToString(), body));
        context.Response.ContentType = "application/x-amz-json-1.0";
        if (_error is { } error)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(new JsonObject { ["__type"] = $"com.amazonaws.sqs#{error.Code}", ["message"] = error.Message }.ToJsonString(), context.RequestAborted);
            return;
        }

        var sent = body["MessageBody"]?.GetValue<string>() ?? "";
        await context.Response.WriteAsync(new JsonObject
        {
#pragma warning disable CA5351 // MD5OfMessageBody is SQS's integrity checksum, not a security use.
            ["MD5OfMessageBody"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(sent))),
#pragma warning restore CA5351
            ["MessageId"] = MessageId,
        }.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
