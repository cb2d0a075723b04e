using System.Globalization;

namespace ServerlessDeploy.Infra.Bundling;

/// <summary>
/// Runs <see cref="FunctionsPublish"/> into a folder and checks that it wrote <c>bootstrap</c>; each failure is one
/// <see cref="BundlingException"/>: <c>dotnet</c> cannot be run, or the publish failed (with its output's tail).
/// </summary>
public sealed class FunctionsPublisher(string root, IProcessRunner processes, TextWriter log, TimeProvider time)
{
    public void Publish(string output)
    {
        var started = time.GetTimestamp();
        var relative = Path.GetRelativePath(root, output);
        var command = FunctionsPublish.CommandLine(relative.StartsWith("..", StringComparison.Ordinal) ? output : relative);
        log.WriteLine($"ServerlessDeploy.Infra: publishing the functions: {command}");
        var result = processes.Run("dotnet", FunctionsPublish.Arguments(root, output), root);
        if (!result.Started)
        {
            throw new BundlingException(
                $"The functions are published with the .NET SDK, and `dotnet` could not be run ({result.Output}). Install the SDK that global.json names, or set serverless-deploy:functionsCodePath to a published folder.");
        }
        if (result.ExitCode != 0)
        {
            throw new BundlingException($"Publishing the functions failed: `{command}` exited {result.ExitCode}:\n{result.Tail()}");
        }
        if (!File.Exists(Path.Combine(output, "bootstrap")))
        {
            throw new BundlingException($"Publishing the functions wrote no 'bootstrap' into {output}: `{command}` said:\n{result.Tail()}");
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ServerlessDeploy.Infra: published the functions in {time.GetElapsedTime(started).TotalSeconds:0} s ({LambdaCodeSize.FolderBytes(output) / 1024.0 / 1024.0:0.0} MB)."));
    }
}
