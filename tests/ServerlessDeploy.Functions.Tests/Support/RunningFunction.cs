using System.Globalization;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;
using ServerlessDeploy.Testing.Lambda;
using ServerlessDeploy.Testing.RuntimeApi;

namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>The functions' host running its real invocation loop against a local Runtime API, with the given
/// environment and ports; its log is kept in memory.</summary>
internal sealed class RunningFunction : IAsyncDisposable
{
    private readonly LocalRuntimeApi _api = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly StringWriter _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;
    private int _invocations;

    public RunningFunction(Dictionary<string, string> variables, FunctionPorts ports)
    {
        variables["AWS_LAMBDA_RUNTIME_API"] = _api.Address;
        var log = new JsonLog(_log, TimeProvider.System);
        _run = Task.Run(() => FunctionHost.RunAsync(new DictionaryRuntimeEnvironment(variables), ports, log, _http, _stop.Token));
    }

    public IReadOnlyCollection<RecordedPost> Posts => _api.Posts;

    /// <summary>Serves one event and returns what the function posted back for it.</summary>
    /// <param name="timeLeft">The invocation's time before its deadline; 30 seconds when not given.</param>
    public async Task<RecordedPost> InvokeAsync(string eventJson, TimeSpan? timeLeft = null)
    {
        var number = ++_invocations;
        var deadline = DateTimeOffset.UtcNow.Add(timeLeft ?? TimeSpan.FromSeconds(30)).ToUnixTimeMilliseconds();
        _api.Enqueue(new QueuedEvent(string.Create(CultureInfo.InvariantCulture, $"req-{number}"), deadline, eventJson));
        return await _api.WaitForPostAsync(Posts.Count + 1);
    }

    /// <summary>The first post, when the function stops before serving any event (an init error).</summary>
    public Task<RecordedPost> WaitForFirstPostAsync() => _api.WaitForPostAsync(1);

    /// <summary>Stops the loop and returns the exit code and everything the function logged.</summary>
    public async Task<(int ExitCode, string Log)> StopAsync()
    {
        await _stop.CancelAsync();
        var exitCode = await _run.WaitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, _log.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await _api.DisposeAsync();
            _http.Dispose();
            _stop.Dispose();
            await _log.DisposeAsync();
        }
    }
}
