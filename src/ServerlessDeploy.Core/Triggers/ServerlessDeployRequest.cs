using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// ServerlessDeploy's own inputs, told apart by the <c>serverless-deploy</c> field:
/// <c>{"serverless-deploy":"reconcile","time":"…"}</c>,
/// <c>{"serverless-deploy":"sync","app":"…","revision":"…"?,"requester":"…"}</c>,
/// <c>{"serverless-deploy":"rollback","app":"…","historyId":3?,"force":true?}</c>.
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
                JsonFields.String(root, "requester", "")),
            "rollback" => new RollbackRequested(
                JsonFields.String(root, "app", ""),
                JsonFields.OptionalLong(root, "historyId", ""),
                JsonFields.OptionalBool(root, "force", "")),
            _ => throw new MalformedEventException(
                $"Unknown '{Field}' request '{kind}' (expected reconcile, sync or rollback)."),
        };
        return TriggerParseResult.Parsed(trigger);
    }
}
