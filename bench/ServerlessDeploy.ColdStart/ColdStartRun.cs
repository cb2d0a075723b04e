using System.Diagnostics;
using System.Text.Json;
using ServerlessDeploy.Testing.RuntimeApi;

namespace ServerlessDeploy.ColdStart;

/// <summary>Starts a candidate as a Lambda bootstrap against a fresh local Runtime API serving one event, and measures
/// process start → its first request for an event (init done, before any I/O of the handler) and, for the webhook
/// (whose handling needs no AWS service), process start → the response POST. A webhook answer other than a
/// successful 202, or an init error, is a failed run.</summary>
internal static class ColdStartRun
{
    public static async Task<(double InitMs, double? ResponseMs)> MeasureAsync(Candidate candidate, string handler, string eventJson, string eventsFolder)
    {
        var folder = Directory.CreateTempSubdirectory("sdeploy-coldstart-");
        try
        {
            File.Copy(Path.Combine(eventsFolder, "github-push.secret"), Path.Combine(folder.FullName, "webhook.secret"));
            await using var api = new LocalRuntimeApi();
            // One event per process: later polls wait until the API is stopped.
            api.Enqueue(new QueuedEvent("cold-start", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds(), eventJson));
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
                var ready = await Task.WhenAny(api.FirstNext, api.FirstPost).WaitAsync(TimeSpan.FromSeconds(60));
                if (ready == api.FirstPost)
                {
                    Check(candidate, handler, await api.FirstPost);
                }

                var init = Stopwatch.GetElapsedTime(started, await api.FirstNext.WaitAsync(TimeSpan.FromSeconds(60))).TotalMilliseconds;
                if (handler != "webhook")
                {
                    return (init, null);
                }

                var post = await api.FirstPost.WaitAsync(TimeSpan.FromSeconds(60));
                Check(candidate, handler, post);
                return (init, Stopwatch.GetElapsedTime(started, post.ArrivedAt).TotalMilliseconds);
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
        // The deployer changes message visibility, so its queue is an SQS URL (nothing is called at start-up).
        ["DEPLOY_QUEUE_URL"] = handler == "deployer" ? "https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo" : "file://" + Path.Combine(folder, "deploy.jsonl"),
        ["CLUSTERS"] = $$"""[{"name":"bench","endpoint":"https://127.0.0.1:1","caData":"{{BenchCertificate.Value}}","region":"eu-west-1"}]""",
        ["TABLE_NAME"] = "serverless-deploy-bench",
        ["WEBHOOK_SECRET_PARAMETER"] = "file://" + Path.Combine(folder, "webhook.secret"),
        ["CONFIG_REPO_URL"] = "file://" + Path.Combine(folder, "config"),
        ["CONFIG_BRANCH"] = "main",
        ["APPS_PATH"] = "apps",
        // Where the deployer books wake-ups (nothing is called at start-up).
        ["WAKEUP_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up",
        ["WAKEUP_QUEUE_ARN"] = "arn:aws:sqs:eu-west-1:123456789012:wake-up",
        ["SCHEDULE_GROUP_NAME"] = "ServerlessDeploy-wake-ups",
        ["SCHEDULER_ROLE_ARN"] = "arn:aws:iam::123456789012:role/ServerlessDeploy-scheduler",
        // The router and deployer build AWS clients (nothing is called at start-up); they need the region Lambda sets.
        ["AWS_REGION"] = "eu-west-1",
    };

    /// <summary>A self-signed certificate's PEM, base64 as the CDK stack writes a cluster's CA data (never contacted).</summary>
    private static readonly Lazy<string> BenchCertificate = new(() =>
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=bench", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
    });

    private static void Check(Candidate candidate, string handler, RecordedPost post)
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
