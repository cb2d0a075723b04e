namespace ServerlessDeploy.Bench;

/// <summary>Where the `sdeploy` CLI the benchmarks start lives: as run.sh published it, else the checkout's Release build.</summary>
internal static class BenchCli
{
    public static string Path() =>
        Environment.GetEnvironmentVariable("SDEPLOY_BENCH_CLI")
        ?? System.IO.Path.Combine(CheckoutRoot(), "src", "ServerlessDeploy.Cli", "bin", "Release", "net10.0", "sdeploy.dll");

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ServerlessDeploy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from a checkout, or set SDEPLOY_BENCH_CLI to sdeploy.dll");
    }
}
