using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessDeploy.Dashboard.Hosting;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Kubernetes.Discovery;
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
    private readonly LocalActions _actions;

    private DashboardServer(WebApplication app, LocalActions actions, Uri url)
    {
        _app = app;
        _actions = actions;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(DashboardServerOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        var store = new SqliteStateStore(options.StateFolder);
        // One discovery per cluster for the server's life: pages, live views and actions share it.
        var discovery = new DiscoveryCache(TimeProvider.System);
        var actions = LocalActionsFactory.Create(options, discovery);
        builder.Services.AddDashboard().AddSingleton<IStateReads>(store).AddSingleton<IImageCatalog>(store).AddLiveReads(options.StateFolder, options.Kubeconfig, discovery)
            .AddSingleton<IRolloutReads>(new KubeconfigRolloutReads(options.Kubeconfig, discovery))
            .AddSingleton<IAppActions>(actions).AddSingleton<IInitiator>(new LocalUserInitiator(options.Environment));
        var app = builder.Build();
        app.UseDashboard();
        app.MapDashboard();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address");
        return new DashboardServer(app, actions, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _actions.DisposeAsync();
    }
}

/// <summary>
/// Where the dashboard listens and what state it reads; the kubeconfig its live views and actions reach the app's
/// clusters through (none: they say so), for actions the config repository
/// (null: the one the state folder's pipeline recorded), and the environment the local user's name comes from.
/// </summary>
internal sealed record DashboardServerOptions(string StateFolder, IPAddress Address, int Port)
{
    public string? Kubeconfig { get; init; }

    public string? ConfigRepo { get; init; }

    public TextWriter Errors { get; init; } = TextWriter.Null;

    public Func<string, string?> Environment { get; init; } = _ => null;
}
