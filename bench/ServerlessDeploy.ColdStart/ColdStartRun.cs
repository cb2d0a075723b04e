using System.Diagnostics;
using System.Text.Json;

namespace ServerlessDeploy.ColdStart;

/// <summary>Starts a candidate as a Lambda bootstrap against a fresh local Runtime API serving one event, and measures
/// process start → the response POST for that event. Anything but a successful response is a failed run.</summary>
internal static class ColdStartRun
{
    public static async Task<double> MeasureAsync(Candidate candidate, string handler, string eventJson, string eventsFolder)
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-coldstart-");
        try
        {
            File.Copy(Path.Combine(eventsFolder, "github-push.secret"), Path.Combine(folder.FullName, "webhook.secret"));
            await using var api = new LocalRuntimeApi(eventJson);
            var start = new ProcessStartInfo(candidate.Program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            foreach (var argument in candidate.Arguments)
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (name, value) in Variables(handler, api.Port, folder.FullName))
            {
                start.Environment[name] = value;
            }

            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start)!;
            var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, line) => errors.Enqueue(line.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var post = await api.FirstPost.WaitAsync(TimeSpan.FromSeconds(60));
                Check(candidate, handler, post);
                return Stopwatch.GetElapsedTime(started, post.ArrivedAt).TotalMilliseconds;
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"{candidate.Label} ({handler}) posted nothing within 60 s: {string.Join(" ", errors.TakeLast(5))}");
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Variables(string handler, int port, string folder) => new()
    {
        ["_HANDLER"] = handler,
        ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{port}",
        ["INTAKE_QUEUE_URL"] = "file://" + Path.Combine(folder, "intake.jsonl"),
        ["DEPLOY_QUEUE_URL"] = "file://" + Path.Combine(folder, "deploy.jsonl"),
        ["TABLE_NAME"] = "serverless-deploy-bench",
        ["WEBHOOK_SECRET_PARAMETER"] = "file://" + Path.Combine(folder, "webhook.secret"),
        ["CONFIG_REPO_URL"] = "file://" + Path.Combine(folder, "config"),
        ["CONFIG_BRANCH"] = "main",
        ["APPS_PATH"] = "apps",
        // The router and deployer build AWS clients (nothing is called at start-up); they need the region Lambda sets.
        ["AWS_REGION"] = "eu-west-1",
    };

    private static void Check(Candidate candidate, string handler, RuntimePost post)
    {
        if (!post.Path.EndsWith("/response", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{candidate.Label} ({handler}) posted {post.Path}: {post.Body}");
        }
        if (handler != "webhook")
        {
            return;
        }
        using var response = JsonDocument.Parse(post.Body);
        var status = response.RootElement.GetProperty("statusCode").GetInt32();
        if (status != 202)
        {
            throw new InvalidOperationException($"{candidate.Label} (webhook) answered {status}, not 202: {post.Body}");
        }
    }
}
