using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ServerlessDeploy.Lambda.Runtime.Tests;

/// <summary>A local Runtime API on 127.0.0.1: serves queued events on GET next (waiting while none is queued) and records every POST.</summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<QueuedEvent> _events = Channel.CreateUnbounded<QueuedEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FakeRuntimeApi()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public ConcurrentQueue<RecordedPost> Posts { get; } = new();

    public void Enqueue(QueuedEvent queued) => _events.Writer.TryWrite(queued);

    public async Task<RecordedPost> WaitForPostAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Posts.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }
        return Posts.ToArray()[count - 1];
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                await ServeNextAsync(context.Response);
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Posts.Enqueue(new RecordedPost(path, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
            context.Response.StatusCode = 202;
            context.Response.Close();
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        var next = await _events.Reader.ReadAsync(_stop.Token);
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString(CultureInfo.InvariantCulture);
        if (next.FunctionArn is not null)
        {
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = next.FunctionArn;
        }
        if (next.TraceId is not null)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        }
        var bytes = Encoding.UTF8.GetBytes(next.Body);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _serving;
        _stop.Dispose();
    }
}
