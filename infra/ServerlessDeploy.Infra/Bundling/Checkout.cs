using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using AssetOptions = Amazon.CDK.AWS.S3.Assets.AssetOptions;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// This repository's checkout, where the CDK app runs (cdk.json's folder), as the source of the functions and the
/// kubectl/helm layer when the settings name no prebuilt ones: the functions are a bundled asset published from
/// src/ by <c>dotnet publish</c> (never Docker) and cached by the hash of their inputs; the layer comes from the npm
/// package tools/package-lock.json pins, installed when missing.
/// </summary>
public sealed class Checkout(string root, IProcessRunner processes, TextWriter log, TimeProvider time)
{
    private readonly List<FunctionsBundler> _bundlers = [];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Why bundling failed, when it did: CDK reports it wrapped in its own error, this is the plain one.</summary>
    public Exception? BundlingFailure => _bundlers.Select(b => b.Failure).FirstOrDefault(f => f is not null);

    /// <summary>Publishes the functions into <paramref name="output"/>, as the bundling does (tools/publish-functions.sh).</summary>
    public void PublishFunctions(string output) =>
        new FunctionsPublisher(Root, processes, log, time).Publish(Path.GetFullPath(output, Root));

    /// <summary>The layer zip's full path, installed first when missing.</summary>
    public string KubectlLayerZip() => new LayerPackage(Root, processes, log, time).Ensure();

    /// <summary>
    /// The functions as an asset bundled from this checkout; a cached publish is checked against the size limit now,
    /// a new one when it is published.
    /// </summary>
    public Code Functions(long layerBytes)
    {
        var cache = new FunctionsCache(Root, processes, log, time);
        var hash = FunctionsInputs.Hash(Root);
        if (cache.Has(hash) && LambdaCodeSize.OverLimit(LambdaCodeSize.FolderBytes(cache.Folder(hash)), layerBytes) is { } problem)
        {
            throw new BundlingException($"The functions published in {cache.Folder(hash)}: {problem}.");
        }
        var bundler = new FunctionsBundler(cache, hash, layerBytes);
        _bundlers.Add(bundler);
        return Code.FromAsset(Path.GetDirectoryName(Path.Combine(Root, FunctionsPublish.ProjectPath))!, new AssetOptions
        {
            AssetHashType = AssetHashType.CUSTOM,
            AssetHash = hash,
            Bundling = new BundlingOptions
            {
                // Never run: the local bundler publishes or throws, and so never hands over to Docker.
                Image = DockerImage.FromRegistry("none"),
                Local = bundler,
            },
        });
    }
}
