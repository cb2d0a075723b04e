using System.Runtime.InteropServices;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Lambda.Runtime;

// The Lambda bootstrap (provided.al2023): one binary for every function; _HANDLER picks the handler.
using var stop = new CancellationTokenSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});
// GET next blocks until an event arrives, so the Runtime API client must never time out.
using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
var log = new JsonLog(Console.Out, TimeProvider.System);
return await FunctionHost.RunAsync(new ProcessRuntimeEnvironment(), FunctionComposition.Production(), log, http, stop.Token);
