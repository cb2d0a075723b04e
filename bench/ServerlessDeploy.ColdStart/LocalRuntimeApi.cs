using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessDeploy.ColdStart;

/// <summary>A local Runtime API (2018-06-01) on 127.0.0.1 serving one event; it notes, as <see cref="Stopwatch"/>
/// timestamps, when the function first asks for an event (its init is done) and when the first POST (response,
/// invocation error or init error) arrives.</summary>
internal sealed class LocalRuntimeApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _event;
    private readonly TaskCompletionSource<RuntimePost> _firstPost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _served;

    public LocalRuntimeApi(string eventJson)
    {
        _event = eventJson;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Task<RuntimePost> FirstPost => _firstPost.Task;

    /// <summary>When the function first asked for an event: the end of its init, before any I/O of the handler.</summary>
    public Task<long> FirstNext => _firstNext.Task;

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
        var arrived = Stopwatch.GetTimestamp();
        var path = context.Request.Url!.AbsolutePath;
        if (context.Request.HttpMethod == "GET" && path.EndsWith("/invocation/next", StringComparison.Ordinal))
        {
            _firstNext.TrySetResult(arrived);
            if (Interlocked.Increment(ref _served) > 1)
            {
                // One event per process: later polls wait until the process is stopped.
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => context.Response.Abort(), TaskScheduler.Default);
                return;
            }
            var bytes = Encoding.UTF8.GetBytes(_event);
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = "cold-start";
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 202;
        context.Response.Close();
        _firstPost.TrySetResult(new RuntimePost(arrived, path, body));
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
