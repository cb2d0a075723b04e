using System.Text.Json;
using ServerlessDeploy.Core.Rollouts;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// ServerlessDeploy's own inputs, told apart by the <c>serverless-deploy</c> field:
/// <c>{"serverless-deploy":"reconcile","time":"…"}</c>,
/// <c>{"serverless-deploy":"sync","app":"…","revision":"…"?,"requester":"…","prune":true?,"dryRun":true?,"applyOnly":true?,"force":true?,"resources":["apps/Deployment/shop/web"]?,"syncOptions":["Replace=true"]?}</c>,
/// <c>{"serverless-deploy":"rollback","app":"…","historyId":3?,"force":true?,"requester":"…"?}</c>,
/// <c>{"serverless-deploy":"refresh","app":"…","hard":true?,"requester":"…"}</c>,
/// <c>{"serverless-deploy":"rollout-action","app":"…","namespace":"…","rollout":"…","action":"promote","requester":"…","restartIn":30?}</c>
/// (action one of promote, promote-full, abort, retry, pause, resume, restart; every field required but restartIn,
/// seconds before a restart, which only restart takes).
/// </summary>
internal static class ServerlessDeployRequest
{
    public const string Field = "serverless-deploy";

    public static TriggerParseResult Read(JsonElement root)
    {
        var kind = JsonFields.String(root, Field, "");
        Trigger trigger = kind switch
        {
            "reconcile" => new ReconcileTick(JsonFields.Time(root, "time", "")),
            "sync" => new SyncRequested(
                JsonFields.String(root, "app", ""),
                JsonFields.OptionalString(root, "revision", ""),
                JsonFields.String(root, "requester", "")) { Choices = SyncChoicesJson.Read(root) },
            "rollback" => new RollbackRequested(
                JsonFields.String(root, "app", ""),
                JsonFields.OptionalLong(root, "historyId", ""),
                JsonFields.OptionalBool(root, "force", "")) { Requester = JsonFields.OptionalString(root, "requester", "") is { Length: > 0 } requester ? requester : "rollback" },
            "refresh" => new RefreshRequested(
                JsonFields.String(root, "app", ""),
                JsonFields.OptionalBool(root, "hard", ""),
                JsonFields.String(root, "requester", "")),
            "rollout-action" => RolloutAction(root),
            _ => throw new MalformedEventException(
                $"Unknown '{Field}' request '{kind}' (expected reconcile, sync, rollback, refresh or rollout-action)."),
        };
        return TriggerParseResult.Parsed(trigger);
    }

    private static RolloutActionRequested RolloutAction(JsonElement root)
    {
        var action = Action(JsonFields.String(root, "action", ""));
        var restartIn = JsonFields.OptionalLong(root, "restartIn", "");
        if (restartIn is not null && action != RolloutVerb.Restart)
        {
            throw new MalformedEventException($"'restartIn' is only for restart, not {RolloutActionNames.Of(action)}.");
        }

        return new RolloutActionRequested(
            JsonFields.String(root, "app", ""),
            JsonFields.String(root, "namespace", ""),
            JsonFields.String(root, "rollout", ""),
            action,
            JsonFields.String(root, "requester", ""))
        {
            RestartIn = TimeSpan.FromSeconds(restartIn ?? 0),
        };
    }

    private static RolloutVerb Action(string name) =>
        RolloutActionNames.TryParse(name, out var action)
            ? action
            : throw new MalformedEventException($"'action' is '{name}', not {RolloutActionNames.All}.");
}
