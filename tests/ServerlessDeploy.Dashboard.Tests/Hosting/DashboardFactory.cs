using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessDeploy.Dashboard.Hosting;
using ServerlessDeploy.Dashboard.Live;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Local.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>
/// The dashboard in memory over a real SQLite state in a folder of its own: what `sdeploy ui` serves, minus Kestrel.
/// Tests write the state through <see cref="Store"/> and read pages through <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<DashboardFactory>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdeploy-dashboard-").FullName;

    public DashboardFactory()
    {
        Store = new SqliteStateStore(_folder);
    }

    public SqliteStateStore Store { get; }

    /// <summary>What the action endpoints submitted; every request's initiator is <see cref="Initiator"/>.</summary>
    public RecordingActions Actions { get; } = new();

    public const string Initiator = "alice";

    /// <summary>The live stream reads the state often, so a test sees a change soon.</summary>
    public static LiveOptions Live { get; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500));

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHostDefaults(web => web
            .ConfigureServices(services => services.AddRouting().AddDashboard().AddSingleton<IStateReads>(Store).AddSingleton<IImageCatalog>(Store)
                .AddSingleton<IAppActions>(Actions).AddSingleton<IInitiator>(new FixedInitiator(Initiator)).AddSingleton(Live))
            .Configure(app => app.UseRouting().UseDashboard().UseEndpoints(endpoints => endpoints.MapDashboard())));

    /// <summary>The factory looks for a content root beside the solution by the test assembly's name; the pages need none.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory disposes once from DisposeAsync and again from Dispose.
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
