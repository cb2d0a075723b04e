using System.Threading.Channels;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Local.Hosting;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard's actions through the local pipeline on the state folder, as `sdeploy events replay` runs it: each
/// request goes on its intake queue and the pipeline runs in the background, one request after another (the app's
/// lease serialises syncs anyway), so a page never waits for a sync to end. Without a pipeline (no config repository
/// or no kubeconfig), every action is refused naming what is missing.
/// </summary>
internal sealed class LocalActions : IAppActions, IAsyncDisposable
{
    /// <summary>How long one request may keep the pipeline busy (its health gates included) before the next is taken.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(15);

    private readonly LocalDeployer? _deployer;
    private readonly string _missing;
    private readonly TextWriter _errors;
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LocalActions(LocalDeployer? deployer, string missing, TextWriter errors)
    {
        (_deployer, _missing, _errors) = (deployer, missing, errors);
        _running = deployer is null ? Task.CompletedTask : Task.Run(() => RunAsync(deployer, _stop.Token));
    }

    public static LocalActions Over(LocalDeployer deployer, TextWriter errors) => new(deployer, "", errors);

    /// <param name="missing">What the host lacks to carry out actions, naming the option that gives it.</param>
    public static LocalActions Unavailable(string missing) => new(null, missing, TextWriter.Null);

    public async Task<ActionReceipt> SubmitAsync(Trigger request, CancellationToken cancellationToken)
    {
        if (_deployer is null)
        {
            return ActionReceipt.Refused(_missing);
        }

        await _requests.Writer.WriteAsync(Body(request), cancellationToken);
        return ActionReceipt.Taken;
    }

    private static string Body(Trigger request) => request switch
    {
        SyncRequested sync => ServerlessDeployRequestBody.For(sync),
        RollbackRequested rollback => ServerlessDeployRequestBody.For(rollback),
        RefreshRequested refresh => ServerlessDeployRequestBody.For(refresh),
        RolloutActionRequested action => ServerlessDeployRequestBody.For(action),
        _ => throw new ArgumentException($"the dashboard does not submit {request.GetType().Name}", nameof(request)),
    };

    private async Task RunAsync(LocalDeployer deployer, CancellationToken stopping)
    {
        await foreach (var body in _requests.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await deployer.Pipeline.SubmitAsync(body, stopping);
                await deployer.Pipeline.RunAsync(RunLimit, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The outcome is in the app's recorded status; what broke the run itself is told on the console, and the next request still runs.
                await _errors.WriteLineAsync($"dashboard action failed: {e.Message}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _deployer?.Dispose();
    }
}
