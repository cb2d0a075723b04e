using System.Collections.Concurrent;
using ServerlessDeploy.Core.Rendering;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>A renderer whose renders wait until the test releases them, so it can look at what happened before the first render ended.</summary>
public sealed class GatedRenderer(IManifestRenderer inner) : IManifestRenderer
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _begun = new();

    /// <summary>Done once a render has begun (and waits).</summary>
    public Task Entered => _entered.Task;

    /// <summary>The apps whose renders began, in the order they began.</summary>
    public IReadOnlyList<string> Begun => [.. _begun];

    public void Release() => _released.TrySetResult();

    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        _begun.Enqueue(request.Application.Name);
        _entered.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        return await inner.RenderAsync(request, cancellationToken);
    }
}
