using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ServerlessDeploy.Core.Rollouts;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Actions;

public sealed class ActionEndpointsTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _dashboard;

    public ActionEndpointsTests(DashboardFactory dashboard) => _dashboard = dashboard;

    private HttpClient Client() => _dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task SeedAsync(string app)
    {
        var resources = new List<ResourceState>
        {
            new("apps", "Deployment", "shop", "web", SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, "configured", HealthCode.Healthy),
            new("", "ConfigMap", "shop", "settings", SyncPhaseCode.Sync, 0, ResourceResultCode.Configured, true, "configured", HealthCode.Healthy),
        };
        await _dashboard.Store.PutAppAsync(States.Synced(app) with { Resources = resources }, CancellationToken.None);
        await _dashboard.Store.AppendHistoryAsync(app, new HistoryEntry(0, "0123456789abcdef0123456789abcdef01234567", "https://git.example/shop.git", "shop", [], "digest", States.Noon, OperationPhase.Succeeded, "synced", "bob"), CancellationToken.None);
    }

    [Fact]
    public async Task A_post_without_a_valid_anti_forgery_token_is_refused_with_400_and_nothing_is_submitted()
    {
        await SeedAsync("act-forged");
        using var client = Client();

        using var noToken = new FormUrlEncodedContent([new("prune", "true")]);
        using var response = await client.PostAsync(new Uri("/applications/act-forged/sync", UriKind.Relative), noToken);
        using var forged = new FormUrlEncodedContent([new("__RequestVerificationToken", "forged"), new("hard", "true")]);
        using var refresh = await client.PostAsync(new Uri("/applications/act-forged/refresh", UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Empty(_dashboard.Actions.SubmittedFor<Trigger>("act-forged"));
    }

    [Fact]
    public async Task A_sync_submits_the_dialogs_choices_with_the_initiator_and_answers_303_to_the_app_page()
    {
        await SeedAsync("act-sync");
        using var client = Client();

        using var response = await ActionForms.PostAsync(client, "act-sync", "sync",
            ("revision", "v2"), ("prune", "true"), ("dryRun", "true"), ("applyOnly", "true"), ("force", "true"),
            ("resources", "apps/Deployment/shop/web"), ("syncOptions", "Replace=true"), ("syncOptions", "PruneLast=true"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/applications/act-sync", response.Headers.Location?.OriginalString);
        var sync = Assert.Single(_dashboard.Actions.SubmittedFor<SyncRequested>("act-sync"));
        Assert.Equal(("v2", DashboardFactory.Initiator), (sync.Revision, sync.Requester));
        Assert.Equal((true, true, true, true), (sync.Choices.Prune, sync.Choices.DryRun, sync.Choices.ApplyOnly, sync.Choices.Force));
        Assert.Equal(["apps/Deployment/shop/web"], sync.Choices.SelectedResources);
        Assert.Equal(["Replace=true", "PruneLast=true"], sync.Choices.Options);
    }

    [Fact]
    public async Task A_plain_sync_carries_no_choices()
    {
        await SeedAsync("act-plain");
        using var client = Client();

        using var response = await ActionForms.PostAsync(client, "act-plain", "sync");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var sync = Assert.Single(_dashboard.Actions.SubmittedFor<SyncRequested>("act-plain"));
        Assert.True(sync.Choices.IsNone);
        Assert.Null(sync.Revision);
    }

    [Theory]
    [InlineData("syncOptions", "Frobnicate=true", "Frobnicate=true")]
    [InlineData("syncOptions", "Prune=false", "Prune=false")]
    [InlineData("resources", "apps/Deployment/shop/api", "apps/Deployment/shop/api")]
    public async Task A_sync_option_or_resource_the_app_cannot_take_is_refused_with_400_naming_it(string field, string value, string named)
    {
        var app = $"act-bad-{Math.Abs(value.GetHashCode(StringComparison.Ordinal))}";
        await SeedAsync(app);
        using var client = Client();

        using var response = await ActionForms.PostAsync(client, app, "sync", (field, value));

        Assert.Contains(named, await ActionForms.RefusalAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty(_dashboard.Actions.SubmittedFor<SyncRequested>(app));
    }

    [Fact]
    public async Task A_rollback_submits_the_history_entry_with_the_initiator_and_an_unknown_entry_is_refused()
    {
        await SeedAsync("act-rollback");
        using var client = Client();
        var history = await _dashboard.Store.HistoryAsync("act-rollback", CancellationToken.None);

        using var response = await ActionForms.PostAsync(client, "act-rollback", "rollback", ("historyId", history[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var unknown = await ActionForms.PostAsync(client, "act-rollback", "rollback", ("historyId", "999"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var rollback = Assert.Single(_dashboard.Actions.SubmittedFor<RollbackRequested>("act-rollback"));
        Assert.Equal((history[0].Id, DashboardFactory.Initiator, false), (rollback.HistoryId, rollback.Requester, rollback.Force));
        Assert.Contains("999", await ActionForms.RefusalAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_and_hard_refresh_submit_a_refresh_request_saying_which()
    {
        await SeedAsync("act-refresh");
        using var client = Client();

        using var plain = await ActionForms.PostAsync(client, "act-refresh", "refresh", ("hard", "false"));
        using var hard = await ActionForms.PostAsync(client, "act-refresh", "refresh", ("hard", "true"));
        using var bad = await ActionForms.PostAsync(client, "act-refresh", "refresh", ("hard", "very"));

        Assert.Equal([false, true], _dashboard.Actions.SubmittedFor<RefreshRequested>("act-refresh").Select(r => r.Hard));
        Assert.All(_dashboard.Actions.SubmittedFor<RefreshRequested>("act-refresh"), r => Assert.Equal(DashboardFactory.Initiator, r.Requester));
        Assert.Contains("very", await ActionForms.RefusalAsync(bad, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rollout_action_submits_the_verb_for_that_rollout()
    {
        await SeedAsync("act-rollout");
        using var client = Client();

        using var promote = await ActionForms.PostAsync(client, "act-rollout", "rollouts/shop/web/promote");
        using var unknown = await ActionForms.PostAsync(client, "act-rollout", "rollouts/shop/web/explode");

        Assert.Equal(HttpStatusCode.SeeOther, promote.StatusCode);
        var action = Assert.Single(_dashboard.Actions.SubmittedFor<RolloutActionRequested>("act-rollout"));
        Assert.Equal(("shop", "web", RolloutVerb.Promote, DashboardFactory.Initiator), (action.Namespace, action.Rollout, action.Action, action.Requester));
        Assert.Contains("explode", await ActionForms.RefusalAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_htmx_post_is_answered_with_hx_redirect_instead_of_a_redirect_fetch_would_follow()
    {
        await SeedAsync("act-htmx");
        using var client = Client();
        client.DefaultRequestHeaders.Add("HX-Request", "true");

        using var response = await ActionForms.PostAsync(client, "act-htmx", "refresh");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("/applications/act-htmx", Assert.Single(response.Headers.GetValues("HX-Redirect")));
    }

    [Fact]
    public async Task An_action_on_an_unknown_app_is_a_404_page()
    {
        await SeedAsync("act-known");
        using var client = Client();
        var page = await Pages.GetAsync(client, "/applications/act-known");
        var token = page.QuerySelector("form.sync-form input[type=hidden]");
        using var form = new FormUrlEncodedContent([new(token?.GetAttribute("name") ?? "", token?.GetAttribute("value") ?? "")]);

        using var response = await client.PostAsync(new Uri("/applications/act-nobody/sync", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_dashboard.Actions.SubmittedFor<Trigger>("act-nobody"));
    }

    [Fact]
    public async Task The_sync_dialog_offers_the_apps_resources_and_argo_cds_options_without_javascript()
    {
        await SeedAsync("act-dialog");

        var page = await Pages.GetAsync(_dashboard.CreateClient(), "/applications/act-dialog");

        var form = page.QuerySelector("details.sync-dialog form[method=post][action='/applications/act-dialog/sync']");
        Assert.NotNull(form);
        Assert.Equal(["apps/Deployment/shop/web", "/ConfigMap/shop/settings"], form.QuerySelectorAll("input[name=resources]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["prune", "dryRun", "applyOnly", "force"], form.QuerySelectorAll(".sync-flags input").Select(i => i.GetAttribute("name")));
        Assert.Contains("Replace=true", form.QuerySelectorAll("input[name=syncOptions]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["false", "true"], page.QuerySelectorAll("form.refresh-form button[name=hard]").Select(b => b.GetAttribute("value")));
    }
}
