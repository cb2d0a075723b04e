using AngleSharp;
using AngleSharp.Dom;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>Reads a page as a browser's parser would, so tests look at the document, not at strings of HTML.</summary>
public static class Pages
{
    public static async Task<IDocument> GetAsync(HttpClient client, string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}, expected {(int)expected}\n{html}");
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
    }
}
