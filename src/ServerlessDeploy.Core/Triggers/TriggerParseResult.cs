using System.Diagnostics.CodeAnalysis;

namespace ServerlessDeploy.Core.Triggers;

/// <summary>An event read into a trigger, or ignored or rejected with a reason, or malformed with an error naming what is wrong.</summary>
public sealed record TriggerParseResult
{
    private TriggerParseResult(TriggerParseStatus status, Trigger? trigger, string? reason)
    {
        Status = status;
        Trigger = trigger;
        Reason = reason;
    }

    public TriggerParseStatus Status { get; }

    /// <summary>The trigger when <see cref="Status"/> is <see cref="TriggerParseStatus.Parsed"/>.</summary>
    public Trigger? Trigger { get; }

    [MemberNotNullWhen(true, nameof(Trigger))]
    public bool IsParsed => Status == TriggerParseStatus.Parsed && Trigger is not null;

    /// <summary>Why the event was ignored or rejected, or what is malformed in it.</summary>
    public string? Reason { get; }

    public static TriggerParseResult Parsed(Trigger trigger) => new(TriggerParseStatus.Parsed, trigger, null);

    public static TriggerParseResult Ignored(string reason) => new(TriggerParseStatus.Ignored, null, reason);

    public static TriggerParseResult Malformed(string error) => new(TriggerParseStatus.Malformed, null, error);

    public static TriggerParseResult Rejected(string reason) => new(TriggerParseStatus.Rejected, null, reason);
}
