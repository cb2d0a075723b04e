using System.Globalization;
using System.IO.Compression;
using Amazon.CDK.AWS.Lambda;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The published functions folder (one <c>bootstrap</c> binary for every handler) and the kubectl/helm layer zip,
/// checked before synthesis: the binary is there, and the deployer's code plus its layer unzipped stay under
/// Lambda's 250 MB limit.
/// </summary>
public sealed class FunctionsCode
{
    /// <summary>Lambda's limit on a function's unzipped code plus all its layers.</summary>
    public const long UnzippedLimitBytes = 250L * 1024 * 1024;

    private FunctionsCode(Code functions, Code kubectlLayer)
    {
        Functions = functions;
        KubectlLayer = kubectlLayer;
    }

    public Code Functions { get; }
    public Code KubectlLayer { get; }

    public static FunctionsCode Load(InfraSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = settings.FunctionsCodePath;
        if (!File.Exists(Path.Combine(folder, "bootstrap")))
        {
            throw new InfraSettingsException(
                $"CDK context '{InfraSettings.FunctionsCodePathKey}': no 'bootstrap' in {folder}; run `bash tools/publish-functions.sh` first or point the setting at the published folder.");
        }
        var zip = settings.KubectlLayerZip;
        if (!File.Exists(zip))
        {
            throw new InfraSettingsException(
                $"CDK context '{InfraSettings.KubectlLayerZipKey}': the kubectl/helm layer {zip} does not exist; run `bash tools/bootstrap.sh` first.");
        }
        var functionsBytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        long layerBytes;
        using (var archive = ZipFile.OpenRead(zip))
        {
            layerBytes = archive.Entries.Sum(e => e.Length);
        }
        if (functionsBytes + layerBytes > UnzippedLimitBytes)
        {
            throw new InfraSettingsException(string.Create(CultureInfo.InvariantCulture,
                $"CDK context '{InfraSettings.FunctionsCodePathKey}': the deployer's code unzipped is {functionsBytes} bytes + {layerBytes} bytes of layer = {functionsBytes + layerBytes} bytes, over Lambda's limit of {UnzippedLimitBytes} bytes (250 MB)."));
        }
        return new FunctionsCode(Code.FromAsset(folder), Code.FromAsset(zip));
    }
}
