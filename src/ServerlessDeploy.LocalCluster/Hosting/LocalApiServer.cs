using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Auth;

namespace ServerlessDeploy.LocalCluster.Hosting;

/// <summary>
/// A local Kubernetes API server on 127.0.0.1: the real HTTP API (discovery, OpenAPI, CRUD, watch) over Kestrel,
/// with state in memory. Stands in for kube-apiserver where none can be run (see DESIGN.md).
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ClusterServices _services;

    private LocalApiServer(WebApplication app, ClusterServices services, Uri url)
    {
        _app = app;
        _services = services;
        Url = url;
    }

    /// <summary>The server's base URL, e.g. http://127.0.0.1:41234.</summary>
    public Uri Url { get; }

    public LocalClusterOptions Options => _services.Options;

    /// <summary>Requests served so far, by verb and resource (dry runs apart).</summary>
    public Observability.RequestCounters Requests => _services.Requests;

    /// <summary>The fault rules in force; replace them with <see cref="Faults.FaultInjector.Set"/>.</summary>
    internal Faults.FaultInjector Faults => _services.Faults;

    /// <param name="log">Where the server reports its own faults (a failing simulated controller); nowhere when null.</param>
    public static async Task<LocalApiServer> StartAsync(LocalClusterOptions options, TextWriter? log = null, CancellationToken cancellationToken = default) =>
        await StartAsync(options, TimeProvider.System, log ?? TextWriter.Null, cancellationToken);

    internal static async Task<LocalApiServer> StartAsync(LocalClusterOptions options, TimeProvider time, TextWriter log, CancellationToken cancellationToken)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        Uri? url = null;
        var services = new ClusterServices(options, time, log, () =>
            $"127.0.0.1:{(url ?? throw new InvalidOperationException("the server's address is known once it has started")).Port}");
        app.Run(services.Router.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        var cluster = new LocalApiServer(app, services, url);
        services.Controllers.Start();
        services.CreateSystemNamespaces();
        return cluster;
    }

    /// <summary>A kubeconfig whose current context is this server, with the bearer token when one is required.</summary>
    public string Kubeconfig(string contextName = "local") => KubeconfigFile.Render(Url, contextName, Options.Token);

    public async Task WriteKubeconfigAsync(string path, string contextName = "local", CancellationToken cancellationToken = default)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, Kubeconfig(contextName), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    internal ClusterServices Services => _services;

    public async ValueTask DisposeAsync()
    {
        await _services.Controllers.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
