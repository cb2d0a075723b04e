using ServerlessDeploy.State;

namespace ServerlessDeploy.Dashboard.Apps;

/// <summary>How Argo CD's UI shows a status: its word, its colour (as a CSS class) and its icon.</summary>
public sealed record StatusLook(string Word, string CssClass, string Icon)
{
    public static StatusLook Of(SyncStatusCode sync) => sync switch
    {
        SyncStatusCode.Synced => new("Synced", "status-synced", "✔"),
        SyncStatusCode.OutOfSync => new("OutOfSync", "status-outofsync", "⬆"),
        SyncStatusCode.Removed => new("Removed", "status-unknown", "✖"),
        SyncStatusCode.Orphaned => new("Orphaned", "status-unknown", "⚠"),
        _ => new("Unknown", "status-unknown", "?"),
    };

    public static StatusLook Of(HealthCode? health) => health switch
    {
        HealthCode.Healthy => new("Healthy", "status-healthy", "♥"),
        HealthCode.Progressing => new("Progressing", "status-progressing", "◔"),
        HealthCode.Degraded => new("Degraded", "status-degraded", "✖"),
        HealthCode.Suspended => new("Suspended", "status-suspended", "⏸"),
        HealthCode.Missing => new("Missing", "status-missing", "👻"),
        _ => new("Unknown", "status-unknown", "?"),
    };

    public static StatusLook Of(OperationPhase phase) => phase switch
    {
        OperationPhase.Succeeded => new("Succeeded", "status-healthy", "✔"),
        OperationPhase.Running => new("Running", "status-progressing", "◔"),
        OperationPhase.Failed => new("Failed", "status-degraded", "✖"),
        OperationPhase.Error => new("Error", "status-degraded", "✖"),
        _ => new("None", "status-unknown", "–"),
    };
}
