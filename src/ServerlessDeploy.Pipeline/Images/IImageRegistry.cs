using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Images;

/// <summary>
/// The tags a registry already holds for an image, to seed the image catalog for repositories older than the deployer
/// (ECR DescribeImages in AWS; nothing locally, where every push is seen).
/// </summary>
public interface IImageRegistry
{
    Task<IReadOnlyList<CatalogImage>> TagsAsync(string image, CancellationToken cancellationToken);
}

/// <summary>No registry to ask: the catalog holds only the pushes the pipeline has seen.</summary>
public sealed class NoImageRegistry : IImageRegistry
{
    public Task<IReadOnlyList<CatalogImage>> TagsAsync(string image, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CatalogImage>>([]);
}
