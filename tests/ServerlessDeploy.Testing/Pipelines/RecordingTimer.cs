using ServerlessDeploy.Pipeline.Timers;
using ITimer = ServerlessDeploy.Pipeline.Timers.ITimer;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>The Timer port that keeps every booking, in order, and delivers none: a test wakes what it chooses.</summary>
public sealed class RecordingTimer : ITimer
{
    private readonly Lock _gate = new();
    private readonly List<(WakeUp WakeUp, DateTimeOffset DueAt)> _booked = [];

    public IReadOnlyList<(WakeUp WakeUp, DateTimeOffset DueAt)> Booked
    {
        get
        {
            lock (_gate)
            {
                return [.. _booked];
            }
        }
    }

    public Task BookAsync(WakeUp wakeUp, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _booked.Add((wakeUp, dueAt));
        }

        return Task.CompletedTask;
    }
}
