using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Actions;

public sealed class UnconfiguredActionsTests
{
    [Fact]
    public async Task When_the_pipeline_cannot_take_actions_the_page_names_what_is_missing()
    {
        using var dashboard = new DashboardFactory();
        dashboard.Actions.Refusal = "actions need the config repository: start sdeploy ui with --config-repo";
        await dashboard.Store.PutAppAsync(States.Synced("act-unconfigured"), CancellationToken.None);
        using var client = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await ActionForms.PostAsync(client, "act-unconfigured", "sync");

        Assert.Contains("--config-repo", await ActionForms.RefusalAsync(response, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
        Assert.Empty(dashboard.Actions.Submitted);
    }
}
