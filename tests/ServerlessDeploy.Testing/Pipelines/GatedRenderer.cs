using ServerlessDeploy.Core.Rendering;

namespace ServerlessDeploy.Testing.Pipelines;

/// <summary>A renderer whose renders wait until the test releases them, so it can look at what happened before the first render ended.</summary>
public sealed class GatedRenderer(IManifestRenderer inner) : IManifestRenderer
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done once a render has begun (and waits).</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        return await inner.RenderAsync(request, cancellationToken);
    }
}
