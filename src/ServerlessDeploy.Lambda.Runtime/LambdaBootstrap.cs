namespace ServerlessDeploy.Lambda.Runtime;

/// <summary>The processing loop: next invocation → handler → response, or an error report when the handler throws.</summary>
public sealed class LambdaBootstrap
{
    private readonly RuntimeApiClient _client;
    private readonly Func<Invocation, CancellationToken, Task<byte[]>> _handler;
    private readonly JsonLog _log;

    public LambdaBootstrap(RuntimeApiClient client, Func<Invocation, CancellationToken, Task<byte[]>> handler, JsonLog log)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(log);
        _client = client;
        _handler = handler;
        _log = log;
    }

    /// <summary>Runs invocations one after another until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await InvokeOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Handles exactly one invocation; returns the outcome that was posted.</summary>
    internal async Task<InvocationOutcome> InvokeOnceAsync(CancellationToken cancellationToken)
    {
        var invocation = await _client.NextAsync(cancellationToken);
        var requestId = invocation.Context.RequestId;
        _log.Info(requestId, "invocation started");
        byte[] response;
        try
        {
            response = await _handler(invocation, cancellationToken);
        }
#pragma warning disable CA1031 // Any handler failure becomes an error report for this invocation; the loop goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var error = RuntimeError.From(exception);
            _log.Error(requestId, $"invocation failed: {error.ErrorType}: {error.ErrorMessage}");
            await _client.ReportErrorAsync(requestId, error, cancellationToken);
            return new InvocationOutcome(requestId, error);
        }
        await _client.RespondAsync(requestId, response, cancellationToken);
        _log.Info(requestId, "invocation succeeded");
        return new InvocationOutcome(requestId, null);
    }

    /// <summary>Reports a start-up failure to the Runtime API (type and message only).</summary>
    public async Task ReportInitErrorAsync(Exception exception, CancellationToken cancellationToken)
    {
        var error = RuntimeError.From(exception);
        _log.Error(null, $"init failed: {error.ErrorType}: {error.ErrorMessage}");
        await _client.ReportInitErrorAsync(error, cancellationToken);
    }
}
