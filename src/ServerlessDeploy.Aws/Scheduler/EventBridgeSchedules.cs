using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessDeploy.Aws.Json;

namespace ServerlessDeploy.Aws.Scheduler;

/// <summary>
/// EventBridge Scheduler's CreateSchedule and DeleteSchedule over <see cref="AwsJsonClient"/> (REST-JSON; stands in for
/// AWSSDK.Scheduler). A schedule fires once at its UTC time, sends its input to the queue, and deletes itself. Both calls
/// are idempotent: the name is the key, so a schedule that already exists was created and one that is gone was deleted.
/// </summary>
public sealed class EventBridgeSchedules : IOneTimeSchedules
{
    private readonly AwsJsonClient _client;
    private readonly OneTimeSchedulesOptions _options;

    public EventBridgeSchedules(AwsJsonClient client, OneTimeSchedulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
    }

    public async Task CreateAsync(OneTimeSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var request = new AwsRestRequest("CreateSchedule", HttpMethod.Post, SchedulePath(schedule.Name), Body: Body(schedule));
        try
        {
            await _client.CallRestAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ConflictException")
        {
            // Already there under that name: this booking was made before (a retry, or a redelivered message).
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var request = new AwsRestRequest("DeleteSchedule", HttpMethod.Delete, SchedulePath(name),
            [KeyValuePair.Create("groupName", _options.GroupName)]);
        try
        {
            await _client.CallRestAsync(request, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            // Already gone: it fired and deleted itself, or an earlier delete went through.
        }
    }

    /// <summary>The at() expression of a time: UTC, whole seconds, a fraction rounded up so nothing fires early.</summary>
    internal static string AtExpression(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var seconds = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var whole = seconds == utc ? seconds : seconds.AddSeconds(1);
        return "at(" + whole.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + ")";
    }

    private JsonObject Body(OneTimeSchedule schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule.QueueArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule.RoleArn);
        ArgumentNullException.ThrowIfNull(schedule.Input);
        return new JsonObject
        {
            ["GroupName"] = _options.GroupName,
            ["ScheduleExpression"] = AtExpression(schedule.At),
            ["ScheduleExpressionTimezone"] = "UTC",
            ["FlexibleTimeWindow"] = new JsonObject { ["Mode"] = "OFF" },
            ["ActionAfterCompletion"] = "DELETE",
            ["Target"] = new JsonObject { ["Arn"] = schedule.QueueArn, ["RoleArn"] = schedule.RoleArn, ["Input"] = schedule.Input },
        };
    }

    private static string SchedulePath(string name) =>
        OneTimeSchedulesOptions.IsName(name)
            ? "/schedules/" + Uri.EscapeDataString(name)
            : throw new ArgumentException($"schedule name \"{name}\" is not 1 to 64 characters of [0-9a-zA-Z-_.]", nameof(name));
}
