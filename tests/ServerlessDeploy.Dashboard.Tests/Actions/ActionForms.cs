using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using ServerlessDeploy.Dashboard.Tests.Hosting;

namespace ServerlessDeploy.Dashboard.Tests.Actions;

/// <summary>Posts an app page's forms as a browser would: the anti-forgery field and cookie from the page, the fields given.</summary>
public static class ActionForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string app, string action, params (string Name, string Value)[] fields)
    {
        var page = await Pages.GetAsync(client, $"/applications/{app}");
        var token = page.QuerySelector("form.sync-form input[type=hidden]") as IElement ?? throw new InvalidOperationException("the app page has no sync form with a token");
        var form = new List<KeyValuePair<string, string>> { new(token.GetAttribute("name") ?? "", token.GetAttribute("value") ?? "") };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri($"/applications/{app}/{action}", UriKind.Relative), content);
    }

    public static async Task<string> RefusalAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}, expected {(int)expected}\n{html}");
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));
        return page.QuerySelector(".action-problem")?.TextContent ?? throw new InvalidOperationException($"no problem named on the page:\n{html}");
    }
}
