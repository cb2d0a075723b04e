using Amazon.CDK.AWS.Lambda;
using ServerlessDeploy.Infra.Bundling;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The functions' code (one <c>bootstrap</c> binary for every handler) and the kubectl/helm layer zip. Each is the
/// prebuilt one a setting names, checked here (the binary is there, the zip exists), or, when the setting is absent,
/// built from the checkout: the functions published by CDK's local bundling, the layer installed from npm. Either way
/// the deployer's code plus its layer unzipped stay under Lambda's 250 MB limit.
/// </summary>
public sealed class FunctionsCode
{
    /// <summary>Lambda's limit on a function's unzipped code plus all its layers.</summary>
    public const long UnzippedLimitBytes = LambdaCodeSize.UnzippedLimitBytes;

    private FunctionsCode(Code functions, Code kubectlLayer)
    {
        Functions = functions;
        KubectlLayer = kubectlLayer;
    }

    public Code Functions { get; }
    public Code KubectlLayer { get; }

    public static FunctionsCode Load(InfraSettings settings, Checkout? checkout)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zip = settings.KubectlLayerZip ?? Require(checkout, InfraSettings.KubectlLayerZipKey).KubectlLayerZip();
        if (!File.Exists(zip))
        {
            throw new InfraSettingsException(
                $"CDK context '{InfraSettings.KubectlLayerZipKey}': the kubectl/helm layer {zip} does not exist; leave the setting out to have it installed, or run `bash tools/bootstrap.sh`.");
        }
        var layerBytes = LambdaCodeSize.UnzippedBytes(zip);
        var functions = settings.FunctionsCodePath is { } folder
            ? Prebuilt(folder, layerBytes)
            : Require(checkout, InfraSettings.FunctionsCodePathKey).Functions(layerBytes);
        return new FunctionsCode(functions, Code.FromAsset(zip));
    }

    private static AssetCode Prebuilt(string folder, long layerBytes)
    {
        if (!File.Exists(Path.Combine(folder, "bootstrap")))
        {
            throw new InfraSettingsException(
                $"CDK context '{InfraSettings.FunctionsCodePathKey}': no 'bootstrap' in {folder}; leave the setting out to have the functions published, or publish them there with `bash tools/publish-functions.sh {folder}`.");
        }
        if (LambdaCodeSize.OverLimit(LambdaCodeSize.FolderBytes(folder), layerBytes) is { } problem)
        {
            throw new InfraSettingsException($"CDK context '{InfraSettings.FunctionsCodePathKey}': {problem}.");
        }
        return Code.FromAsset(folder);
    }

    private static Checkout Require(Checkout? checkout, string key) =>
        checkout ?? throw new InfraSettingsException(
            $"CDK context '{key}' is not set, and this synthesis has no checkout to build it from; set it to a prebuilt one.");
}
