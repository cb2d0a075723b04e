using ServerlessDeploy.ColdStart;

// Usage: dotnet run --project bench/ServerlessDeploy.ColdStart -c Release -- --events events --node bench/ServerlessDeploy.ColdStart/peer/bootstrap.mjs
//          --publish "ReadyToRun=bench/.out/functions-r2r" [--publish "Native AOT=bench/.out/functions-aot"] [--handlers webhook,router,deployer] [--runs 15]
// Exit code 1 when a published binary needs a glibc newer than Amazon Linux 2023's (2.34) or a start fails.
var options = BenchOptions.Parse(args);
var glibcLimit = new Version(2, 34);
var glibcOk = true;
foreach (var (label, folder) in options.Published)
{
    glibcOk &= GlibcCheck.Run(label, folder, glibcLimit, Console.Out);
}

var candidates = options.Published
    .Select(published => new Candidate($".NET bootstrap ({published.Label})", Path.Combine(published.Folder, "bootstrap"), []))
    .Append(new Candidate("Node.js 20 peer", "node", [options.NodePeer]))
    .ToList();
var ran = await ColdStartBenchmark.RunAsync(candidates, options.Handlers, options.Runs, options.EventsFolder, Console.Out);
return glibcOk && ran ? 0 : 1;
