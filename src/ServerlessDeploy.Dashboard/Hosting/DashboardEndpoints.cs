using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessDeploy.Dashboard.Actions;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.Dashboard.Live;
using ServerlessDeploy.Dashboard.Resources;
using ServerlessDeploy.Dashboard.Serving;
using ServerlessDeploy.Dashboard.Timeline;
using ServerlessDeploy.Dashboard.Tree;

namespace ServerlessDeploy.Dashboard.Hosting;

/// <summary>Every page, fragment and asset of the dashboard, each room mapping its own routes.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Redirect("/applications"));
        AppListEndpoints.Map(endpoints);
        AppPageEndpoints.Map(endpoints);
        TimelineEndpoints.Map(endpoints);
        ActionEndpoints.Map(endpoints);
        LiveEndpoints.Map(endpoints);
        AppListStreamEndpoints.Map(endpoints);
        ResourceStreamEndpoints.Map(endpoints);
        TreeEndpoints.Map(endpoints);
        ResourcePageEndpoints.Map(endpoints);
        AppDiffEndpoints.Map(endpoints);
        HistoryDiffEndpoints.Map(endpoints);
        AssetEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>The middleware the endpoints need, in order: anti-forgery validates the form posts.</summary>
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        return app;
    }
}
