namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// Someone asked to look at one application again (Argo CD's refresh): it is reconciled like a tick's app, rendered
/// from Git and compared with the cluster, and automated sync does what it would do on a tick. <see cref="Hard"/> is
/// Argo CD's hard refresh (render again, ignoring caches): the pipeline keeps no manifest cache, so every refresh
/// renders again; the flag travels so what was asked is on record.
/// </summary>
public sealed record RefreshRequested(string App, bool Hard, string Requester) : Trigger;
