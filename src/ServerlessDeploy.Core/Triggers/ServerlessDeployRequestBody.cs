using System.Text;
using System.Text.Json;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>
/// Writes the intake-queue body of a manual request, the form <see cref="EventBridgeTriggers.Parse"/> reads back
/// (see <see cref="ServerlessDeployRequest"/>); optional fields are left out when unset.
/// </summary>
public static class ServerlessDeployRequestBody
{
    public static string For(SyncRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.App);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Requester);
        return Write("sync", request.App, json =>
        {
            if (request.Revision is not null)
            {
                json.WriteString("revision", request.Revision);
            }

            json.WriteString("requester", request.Requester);
            SyncChoicesJson.Write(json, request.Choices);
        });
    }

    public static string For(RollbackRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.App);
        if (request.HistoryId is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.HistoryId, "A history id is a positive number.");
        }

        return Write("rollback", request.App, json =>
        {
            if (request.HistoryId is { } id)
            {
                json.WriteNumber("historyId", id);
            }

            if (request.Force)
            {
                json.WriteBoolean("force", true);
            }

            if (request.Requester is { Length: > 0 } requester && requester != "rollback")
            {
                json.WriteString("requester", requester);
            }
        });
    }

    /// <summary>The intake message of a refresh, e.g. <c>{"serverless-deploy":"refresh","app":"shop","hard":true,"requester":"alice"}</c>.</summary>
    public static string For(RefreshRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.App);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Requester);
        return Write("refresh", request.App, json =>
        {
            if (request.Hard)
            {
                json.WriteBoolean("hard", true);
            }

            json.WriteString("requester", request.Requester);
        });
    }

    /// <summary>
    /// The intake message of a remote Rollout action, e.g.
    /// <c>{"serverless-deploy":"rollout-action","app":"shop","namespace":"shop","rollout":"web","action":"promote","requester":"alice@example.com"}</c>;
    /// a restart set for later adds <c>"restartIn":30</c> (seconds).
    /// </summary>
    public static string For(RolloutActionRequested request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.App);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Namespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Rollout);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Requester);
        return Write("rollout-action", request.App, json =>
        {
            json.WriteString("namespace", request.Namespace);
            json.WriteString("rollout", request.Rollout);
            json.WriteString("action", Rollouts.RolloutActionNames.Of(request.Action));
            json.WriteString("requester", request.Requester);
            if (request.RestartIn != TimeSpan.Zero)
            {
                json.WriteNumber("restartIn", (long)request.RestartIn.TotalSeconds);
            }
        });
    }

    private static string Write(string kind, string app, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(ServerlessDeployRequest.Field, kind);
            json.WriteString("app", app);
            fields(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
