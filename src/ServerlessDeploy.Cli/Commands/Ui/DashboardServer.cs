using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessDeploy.Dashboard.Hosting;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>
/// The dashboard on Kestrel over a local state folder: the host `sdeploy ui` and `sdeploy demo --serve` start. It binds
/// where it is told (127.0.0.1 unless told otherwise) and says where it listens once it does.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(DashboardServerOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        var store = new SqliteStateStore(options.StateFolder);
        builder.Services.AddDashboard().AddSingleton<IStateReads>(store).AddSingleton<IImageCatalog>(store).AddLiveReads(options.StateFolder, options.Kubeconfig);
        var app = builder.Build();
        app.UseDashboard();
        app.MapDashboard();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address");
        return new DashboardServer(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Where the dashboard listens, what state it reads, and the kubeconfig its live views reach clusters through (none: they say so).</summary>
internal sealed record DashboardServerOptions(string StateFolder, IPAddress Address, int Port, string? Kubeconfig = null);
