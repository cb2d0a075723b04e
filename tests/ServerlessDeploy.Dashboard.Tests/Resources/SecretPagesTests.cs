using System.Text;
using System.Text.Json.Nodes;
using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Tests.Resources;

/// <summary>No page ever carries a Secret's value: not in a live or desired manifest, a diff, or the last-applied annotation.</summary>
public sealed class SecretPagesTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private const string InGit = "hunter2-from-git";
    private const string InCluster = "hunter2-in-cluster";

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static JsonObject DesiredSecret() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "db", ["namespace"] = "shop" },
        ["stringData"] = new JsonObject { ["password"] = InGit },
    };

    private static JsonObject LiveSecret() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject
        {
            ["name"] = "db",
            ["namespace"] = "shop",
            ["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = LiveSecretWithoutAnnotation().ToJsonString() },
            ["managedFields"] = new JsonArray(new JsonObject { ["manager"] = "kubectl", ["fieldsV1"] = new JsonObject { ["f:data"] = new JsonObject { ["f:password"] = new JsonObject() } } }),
        },
        ["data"] = new JsonObject { ["password"] = Base64(InCluster) },
    };

    private static JsonObject LiveSecretWithoutAnnotation() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "db", ["namespace"] = "shop" },
        ["stringData"] = new JsonObject { ["password"] = InCluster },
    };

    [Theory]
    [InlineData("/applications/secret-app/resource?group=&kind=Secret&namespace=shop&name=db")]
    [InlineData("/applications/secret-app/diff")]
    [InlineData("/applications/secret-app/history/{id}/diff")]
    public async Task A_secret_value_reaches_no_page_in_any_form(string path)
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("secret-app", "shop", Applications.Resource("", "Secret", "shop", "db")), CancellationToken.None);
        var entry = await dashboard.Store.AppendHistoryAsync("secret-app",
            new HistoryEntry(0, "0123456789abcdef0123456789abcdef01234567", "https://git.example.com/config.git", "secret-app", [], "sha256:x", States.Noon, OperationPhase.Succeeded, "ok", "ada"), CancellationToken.None);
        using var client = Applications.Client(dashboard, new FakeCluster([DesiredSecret()], [LiveSecret()]), new FakeCluster([DesiredSecret()], [LiveSecret()]));

        using var response = await client.GetAsync(new Uri(path.Replace("{id}", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Contains("password", html, StringComparison.Ordinal);
        foreach (var value in new[] { InGit, InCluster, Base64(InGit), Base64(InCluster) })
        {
            Assert.DoesNotContain(value, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_diff_still_shows_that_a_secret_value_changed()
    {
        await dashboard.Store.PutAppAsync(Applications.Deployed("secret-diff", "shop", Applications.Resource("", "Secret", "shop", "db")), CancellationToken.None);
        using var client = Applications.Client(dashboard, new FakeCluster([DesiredSecret()], [LiveSecret()]), new FakeCluster([DesiredSecret()], [LiveSecret()]));

        var page = await Pages.GetAsync(client, "/applications/secret-diff/diff");

        var diff = page.QuerySelector("details[data-kind=Secret] pre.diff")!;
        Assert.Contains(diff.QuerySelectorAll(".removed"), line => line.TextContent.Contains("password: ++++", StringComparison.Ordinal));
        Assert.Contains(diff.QuerySelectorAll(".added"), line => line.TextContent.Contains("password: ++++", StringComparison.Ordinal));
        Assert.Equal("OutOfSync", page.QuerySelector("details[data-kind=Secret] .diff-status")!.TextContent);
    }
}
