using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// CDK's local bundling of the functions asset: CDK calls <see cref="TryBundle"/> only when cdk.out lacks the asset
/// for the inputs' hash; it takes the published folder from the cache (publishing it first when it is not there),
/// checks it against Lambda's size limit and copies it into CDK's output folder. It never answers false, which would
/// send CDK to Docker: a failure throws, and is kept in <see cref="Failure"/> for the host to report plainly.
/// </summary>
internal sealed class FunctionsBundler(FunctionsCache cache, string hash, long layerBytes) : DeputyBase, ILocalBundling
{
    public Exception? Failure { get; private set; }

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        try
        {
            var published = cache.Get(hash);
            if (LambdaCodeSize.OverLimit(LambdaCodeSize.FolderBytes(published), layerBytes) is { } problem)
            {
                throw new BundlingException($"The functions published in {published}: {problem}.");
            }
            CopyFolder(published, outputDir);
            return true;
        }
        catch (Exception e) when (e is BundlingException or IOException or UnauthorizedAccessException)
        {
            Failure = e;
            throw;
        }
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
