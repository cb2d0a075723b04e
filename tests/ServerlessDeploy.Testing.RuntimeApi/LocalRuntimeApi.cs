using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ServerlessDeploy.Testing.RuntimeApi;

/// <summary>
/// A local Lambda Runtime API (2018-06-01) on 127.0.0.1: serves queued events on GET next (waiting while none is
/// queued, until it is stopped) and records every POST. HttpListener, not Kestrel, so that the cold-start benchmark
/// using it needs no framework beyond .NET's own.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string NextPath = "/2018-06-01/runtime/invocation/next";

    private readonly HttpListener _listener = new();
    private readonly Channel<QueuedEvent> _events = Channel.CreateUnbounded<QueuedEvent>();
    private readonly ConcurrentQueue<RecordedPost> _posts = new();
    private readonly TaskCompletionSource<long> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RecordedPost> _firstPost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private TaskCompletionSource _posted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalRuntimeApi()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The value of AWS_LAMBDA_RUNTIME_API for a function served by this API.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public IReadOnlyCollection<RecordedPost> Posts => _posts;

    /// <summary>
    /// When the function first asked for an event, as a <see cref="Stopwatch"/> timestamp: the end of its init,
    /// before any I/O of the handler.
    /// </summary>
    public Task<long> FirstNext => _firstNext.Task;

    /// <summary>The first POST, whichever it is: a response, an invocation error or an init error.</summary>
    public Task<RecordedPost> FirstPost => _firstPost.Task;

    public void Enqueue(QueuedEvent queued) => _events.Writer.TryWrite(queued);

    /// <summary>How long a test waits for a POST before it fails: generous, since a loaded machine is slow, and never spent when things go right.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Returns the <paramref name="count"/>th POST as soon as it arrives (woken by each POST, not polling); fails with
    /// <see cref="TimeoutException"/> after <see cref="Ceiling"/>.
    /// </summary>
    public async Task<RecordedPost> WaitForPostAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Ceiling);
        while (true)
        {
            // Read the signal before the count: a POST that lands in between completes this very signal.
            var posted = Volatile.Read(ref _posted).Task;
            if (_posts.Count >= count)
            {
                return _posts.ToArray()[count - 1];
            }

            try
            {
                await posted.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_posts.Count} of {count} POSTs arrived within {Ceiling.TotalSeconds} s");
            }
        }
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
        var arrived = Stopwatch.GetTimestamp();
        var path = context.Request.Url!.AbsolutePath;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == NextPath)
            {
                _firstNext.TrySetResult(arrived);
                await ServeNextAsync(context.Response);
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var post = new RecordedPost(path, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"], arrived);
            _posts.Enqueue(post);
            context.Response.StatusCode = 202;
            context.Response.Close();
            _firstPost.TrySetResult(post);
            Interlocked.Exchange(ref _posted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped while a poll waited for an event that never came.
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
