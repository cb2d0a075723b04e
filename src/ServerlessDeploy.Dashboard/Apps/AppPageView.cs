using Microsoft.AspNetCore.Antiforgery;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>What the app page shows: the app from the state, and the anti-forgery token its action forms carry.</summary>
public sealed record AppPageView(AppDetail Detail, AntiforgeryTokenSet Antiforgery)
{
    public string Name => Detail.Summary.Name;
}
