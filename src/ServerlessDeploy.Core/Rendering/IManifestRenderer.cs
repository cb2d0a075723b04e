namespace ServerlessDeploy.Core.Rendering;

/// <summary>Turns an Application's source, checked out at a folder, into the manifests Git holds for it.</summary>
public interface IManifestRenderer
{
    Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken);
}
