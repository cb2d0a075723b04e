using ServerlessDeploy.Dashboard.Tests.Hosting;
using ServerlessDeploy.Testing;

namespace ServerlessDeploy.Dashboard.Tests.Serving;

public sealed class AssetTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _dashboard;

    public AssetTests(DashboardFactory dashboard) => _dashboard = dashboard;

    [Theory]
    [InlineData("htmx.min.js")]
    [InlineData("ext/hx-sse.min.js")]
    public async Task The_served_htmx_is_the_copy_pinned_in_tools_package_json(string pinned)
    {
        var root = RepositoryRoot.Find();
        var expected = await File.ReadAllBytesAsync(Path.Combine(root, "tools", "node_modules", "htmx.org", "dist", pinned));

        var served = await _dashboard.CreateClient().GetByteArrayAsync(new Uri("/assets/" + Path.GetFileName(pinned), UriKind.Relative));

        Assert.Equal(expected, served);
        Assert.Contains("\"htmx.org\": \"4.0.1\"", await File.ReadAllTextAsync(Path.Combine(root, "tools", "package.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asset_that_is_not_in_the_table_is_not_found()
    {
        using var response = await _dashboard.CreateClient().GetAsync(new Uri("/assets/..%2FServerlessDeploy.Dashboard.dll", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
