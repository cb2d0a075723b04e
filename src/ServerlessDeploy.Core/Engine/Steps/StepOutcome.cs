using System.Diagnostics.CodeAnalysis;
using ServerlessDeploy.Core.Sync.Cursor;

namespace ServerlessDeploy.Core.Engine.Steps;

/// <summary>How one cursor step ended this time: done, failed with a problem naming the resource, or waiting.</summary>
internal sealed record StepOutcome(StepOutcomeKind Kind, string? Problem = null, CursorWait? Wait = null)
{
    public static StepOutcome Done { get; } = new(StepOutcomeKind.Done);

    [MemberNotNullWhen(true, nameof(Wait))]
    public bool IsWaiting => Kind == StepOutcomeKind.Waiting && Wait is not null;

    public static StepOutcome Failed(string problem) => new(StepOutcomeKind.Failed, problem);

    public static StepOutcome Waiting(CursorWait wait) => new(StepOutcomeKind.Waiting, Wait: wait);
}

internal enum StepOutcomeKind
{
    Done,
    Failed,
    Waiting,
}
