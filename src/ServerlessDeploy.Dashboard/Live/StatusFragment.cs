using Microsoft.AspNetCore.Antiforgery;
using ServerlessDeploy.Dashboard.Apps;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>The app page's status panel rendered alone, as the live stream sends it for htmx to swap in place of the old one.</summary>
internal static class StatusFragment
{
    /// <summary>The panel has no form, so it is given no anti-forgery token: none travels in the stream.</summary>
    private static readonly AntiforgeryTokenSet NoToken = new(null, null, "", null);

    public static Task<string> RenderAsync(AppDetail app, CancellationToken cancellationToken) =>
        Fragments.RenderAsync(Slices.App.StatusPanel.Create(new AppPageView(app, NoToken)), cancellationToken);
}
