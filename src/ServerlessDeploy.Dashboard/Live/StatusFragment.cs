using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>The app page's status panel rendered alone, as the live stream sends it for htmx to swap in place of the old one.</summary>
internal static class StatusFragment
{
    /// <summary>The panel has no form, so it is given no anti-forgery token: none travels in the stream.</summary>
    private static readonly AntiforgeryTokenSet NoToken = new(null, null, "", null);

    public static async Task<string> RenderAsync(AppDetail app, CancellationToken cancellationToken)
    {
        using var writer = new StringWriter();
        var slice = Slices.App.StatusPanel.Create(new AppPageView(app, NoToken));
        await slice.RenderAsync(writer, HtmlEncoder.Default, cancellationToken);
        return writer.ToString();
    }
}
