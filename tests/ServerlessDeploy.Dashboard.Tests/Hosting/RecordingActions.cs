using System.Collections.Concurrent;
using ServerlessDeploy.Core.Triggers;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>The actions port as a list of what was submitted; <see cref="Refusal"/> set makes it refuse as an unconfigured pipeline does.</summary>
public sealed class RecordingActions : IAppActions
{
    private readonly ConcurrentQueue<Trigger> _submitted = new();

    public string? Refusal { get; set; }

    public IReadOnlyList<Trigger> Submitted => [.. _submitted];

    public IReadOnlyList<T> SubmittedFor<T>(string app) where T : Trigger =>
        [.. _submitted.OfType<T>().Where(t => t switch
        {
            SyncRequested s => s.App == app,
            RollbackRequested r => r.App == app,
            RefreshRequested f => f.App == app,
            RolloutActionRequested a => a.App == app,
            _ => false,
        })];

    public Task<ActionReceipt> SubmitAsync(Trigger request, CancellationToken cancellationToken)
    {
        if (Refusal is { } problem)
        {
            return Task.FromResult(ActionReceipt.Refused(problem));
        }

        _submitted.Enqueue(request);
        return Task.FromResult(ActionReceipt.Taken);
    }
}

/// <summary>Every request comes from the same person, so tests can see the initiator travel.</summary>
public sealed class FixedInitiator(string name) : IInitiator
{
    public string NameOf(Microsoft.AspNetCore.Http.HttpContext context) => name;
}
