using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ServerlessDeploy.Testing.RuntimeApi;

namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>
/// The published <c>bootstrap</c> running as Lambda runs it: its own process, the given environment, and a local
/// Runtime API handing it the events a test queues. What it prints is kept for the failure messages.
/// </summary>
internal sealed class PublishedFunction : IAsyncDisposable
{
    private readonly LocalRuntimeApi _api = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _invocations;

    public PublishedFunction(PublishedFunctions published, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(published.Bootstrap)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = published.Folder,
        };
        // Only what Lambda would set: nothing of the test process's own environment (no DOTNET_ variables, no AWS profile).
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = _api.Address;
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{published.Bootstrap} did not start.");
        _process.OutputDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        _process.ErrorDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the function printed so far: its JSON log lines.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Serves one event and returns what the function posted back for it.</summary>
    public async Task<RecordedPost> InvokeAsync(string eventJson, TimeSpan? timeLeft = null)
    {
        var number = Interlocked.Increment(ref _invocations);
        var deadline = DateTimeOffset.UtcNow.Add(timeLeft ?? TimeSpan.FromMinutes(2)).ToUnixTimeMilliseconds();
        _api.Enqueue(new QueuedEvent(string.Create(CultureInfo.InvariantCulture, $"req-{number}"), deadline, eventJson));
        try
        {
            return await _api.WaitForPostAsync(number);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; the function printed:\n{Output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        await _api.DisposeAsync();
    }
}
