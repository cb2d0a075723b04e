using System.Collections.Concurrent;
using ServerlessDeploy.Aws.Scheduler;

namespace ServerlessDeploy.Aws.Tests.Fakes;

/// <summary>One-time schedules kept in memory, for code that books them; the real client is tested against recorded requests.</summary>
internal sealed class RecordingSchedules : IOneTimeSchedules
{
    private readonly ConcurrentQueue<OneTimeSchedule> _created = new();

    public IReadOnlyList<OneTimeSchedule> Created => [.. _created];

    public Task CreateAsync(OneTimeSchedule schedule, CancellationToken cancellationToken)
    {
        _created.Enqueue(schedule);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the timer never deletes a schedule");
}
