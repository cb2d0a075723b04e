using System.Text.RegularExpressions;

namespace ServerlessDeploy.Functions.Settings;

/// <summary>
/// Reads WAKEUP_QUEUE_URL, WAKEUP_QUEUE_ARN, SCHEDULE_GROUP_NAME and SCHEDULER_ROLE_ARN. The queue is an SQS standard
/// queue (a FIFO queue refuses per-message delays, and Scheduler sends to it by ARN, so never a local file), named the
/// same by its URL and its ARN. A value that is set is checked whatever the handler; the settings exist when all four do.
/// </summary>
internal static partial class WakeUpVariables
{
    public static WakeUpSettings? Parse(Func<string, string?> value, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var url = value(FunctionSettingsReader.WakeUpQueueUrl);
        var arn = value(FunctionSettingsReader.WakeUpQueueArn);
        var group = value(FunctionSettingsReader.ScheduleGroupName);
        var role = value(FunctionSettingsReader.SchedulerRoleArn);
        var fromUrl = url is null ? null : QueueFromUrl(url, problems);
        var fromArn = arn is null ? null : QueueFromArn(arn, problems);
        if (fromUrl is { } a && fromArn is { } b && a != b)
        {
            problems.Add($"{FunctionSettingsReader.WakeUpQueueArn} names queue {b.Name} in account {b.Account}, but {FunctionSettingsReader.WakeUpQueueUrl} names queue {a.Name} in account {a.Account}; both must name the wake-up queue");
        }
        if (group is not null && !GroupName().IsMatch(group))
        {
            problems.Add($"{FunctionSettingsReader.ScheduleGroupName} is '{group}'; expected a schedule group name of at most 64 characters of [0-9a-zA-Z-_.]");
        }
        if (role is not null && !RoleArn().IsMatch(role))
        {
            problems.Add($"{FunctionSettingsReader.SchedulerRoleArn} is '{role}'; expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
        return problems.Count == before && url is not null && arn is not null && group is not null && role is not null
            ? new WakeUpSettings(url, arn, group, role)
            : null;
    }

    private static (string Account, string Name)? QueueFromUrl(string url, List<string> problems)
    {
        var variable = FunctionSettingsReader.WakeUpQueueUrl;
        if (FunctionSettingsReader.IsFile(url))
        {
            problems.Add($"{variable} is a file:// queue, but wake-ups need an SQS queue (Scheduler delivers the long ones by its ARN)");
            return null;
        }
        var segments = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.AbsolutePath.Trim('/').Split('/')
            : [];
        if (segments is [var account, var name] && AccountId().IsMatch(account) && QueueName().IsMatch(name))
        {
            return (account, name);
        }
        problems.Add(segments is [_, var fifo] && fifo.EndsWith(".fifo", StringComparison.Ordinal)
            ? $"{variable} is a FIFO queue, but wake-ups need a standard queue (FIFO queues refuse per-message delays)"
            : $"{variable} is '{url}'; expected an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>)");
        return null;
    }

    private static (string Account, string Name)? QueueFromArn(string arn, List<string> problems)
    {
        var variable = FunctionSettingsReader.WakeUpQueueArn;
        if (QueueArn().Match(arn) is { Success: true } match)
        {
            return (match.Groups["account"].Value, match.Groups["name"].Value);
        }
        problems.Add(arn.EndsWith(".fifo", StringComparison.Ordinal)
            ? $"{variable} is a FIFO queue, but wake-ups need a standard queue (FIFO queues refuse per-message delays)"
            : $"{variable} is '{arn}'; expected an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>)");
        return null;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:sqs:[a-z0-9-]+:(?<account>\d{12}):(?<name>[A-Za-z0-9_-]{1,80})$")]
    private static partial Regex QueueArn();

    [GeneratedRegex("^[0-9a-zA-Z_.-]{1,64}$")]
    private static partial Regex GroupName();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")]
    private static partial Regex RoleArn();
}
