using Microsoft.AspNetCore.Http;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>The refresh form: hard=true for a hard refresh, false (or left out) for a plain one.</summary>
internal static class RefreshForm
{
    public const string Hard = "hard";

    public static FormOutcome Read(AppDetail app, IFormCollection form, string requester) =>
        form[Hard].ToString().Trim().ToLowerInvariant() switch
        {
            "" or "false" => FormOutcome.Ready(new RefreshRequested(app.Summary.Name, false, requester)),
            "true" => FormOutcome.Ready(new RefreshRequested(app.Summary.Name, true, requester)),
            var other => FormOutcome.Bad($"hard: \"{other}\" is not true or false"),
        };
}
