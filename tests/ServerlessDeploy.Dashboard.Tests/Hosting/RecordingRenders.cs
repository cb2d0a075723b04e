using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Dashboard.Tests.Hosting;

/// <summary>Git that renders the given objects at any revision and remembers each revision it was asked to render at.</summary>
public sealed class RecordingRenders(params JsonObject[] desired) : IDesiredManifests
{
    public ConcurrentQueue<string> Revisions { get; } = new();

    public Task<RenderedManifests> RenderAsync(Application app, string revision, IReadOnlyList<string> imageOverrides, CancellationToken cancellationToken)
    {
        Revisions.Enqueue(revision);
        return Task.FromResult(RenderedManifests.Of([.. desired.Select(o => (JsonObject)o.DeepClone())]));
    }
}
