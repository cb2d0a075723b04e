using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessDeploy.Dashboard.Images;
using ServerlessDeploy.Dashboard.Live;
using ServerlessDeploy.Dashboard.Ports;
using ServerlessDeploy.Dashboard.Resources;
using ServerlessDeploy.Dashboard.Rollouts;
using ServerlessDeploy.Dashboard.Timeline;
using ServerlessDeploy.Dashboard.Tree;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Hosting;

/// <summary>
/// What the dashboard's endpoints take from the container besides the ports the host registers (IStateReads, and the
/// others in Ports/): the read model's queries and anti-forgery for the actions.
/// </summary>
public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddAntiforgery();
        services.AddSingleton<StateQueries>();
        services.AddSingleton<TimelineQuery>();
        services.AddSingleton<ImagePanelQuery>();
        services.AddSingleton<RolloutPanelQuery>();
        // A host with cluster access registers its own reads after this; one without keeps these, which say so.
        services.TryAddSingleton<IRolloutReads, NoRolloutCluster>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LiveOptions.Default);
        services.TryAddSingleton<ILiveResources, NoCluster>();
        services.TryAddSingleton<IDesiredManifests, NoCluster>();
        services.AddSingleton<AppComparer>().AddSingleton<ResourceEvents>().AddSingleton<TreeBuilder>();
        return services;
    }
}
