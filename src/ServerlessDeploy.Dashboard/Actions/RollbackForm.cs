using System.Globalization;
using Microsoft.AspNetCore.Http;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.State.ReadModel;

namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>The rollback form: historyId, one of the app's history entries.</summary>
internal static class RollbackForm
{
    public const string HistoryId = "historyId";

    public static FormOutcome Read(AppDetail app, IFormCollection form, string requester)
    {
        var text = form[HistoryId].ToString().Trim();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return FormOutcome.Bad($"historyId: \"{text}\" is not a history id (a positive whole number)");
        }

        return app.History.Any(h => h.Id == id)
            ? FormOutcome.Ready(new RollbackRequested(app.Summary.Name, id, Force: false) { Requester = requester })
            : FormOutcome.Bad($"historyId: {app.Summary.Name} has no history entry {id}");
    }
}
