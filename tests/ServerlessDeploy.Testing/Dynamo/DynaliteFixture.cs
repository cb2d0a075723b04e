using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Xunit;

namespace ServerlessDeploy.Testing.Dynamo;

/// <summary>
/// A real dynalite (DynamoDB's protocol, conditional writes, item size limit) on a free port with the state table of the CDK
/// stack (string pk, string sk), shared by one test class; the node process it started is killed on dispose.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime, IDisposable
{
    public const string TableName = "serverless-deploy-state";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private AmazonDynamoDBClient? _client;

    public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("dynalite has not started.");

    /// <summary>The endpoint, for a process of its own (AWS_ENDPOINT_URL_DYNAMODB).</summary>
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        _process = Start(port);
        try
        {
            await WaitUntilListeningAsync(port);
            Url = $"http://127.0.0.1:{port}";
            _client = new AmazonDynamoDBClient(
                new BasicAWSCredentials("dynalite", "dynalite"),
                new AmazonDynamoDBConfig { ServiceURL = Url, AuthenticationRegion = "us-east-1" });
            await CreateTableAsync(_client);
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed; the node process must not outlive the run.
            Dispose();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    private Process Start(int port)
    {
        var dynalite = Path.Combine(RepositoryRoot.Find(), "tools", "node_modules", ".bin", "dynalite");
        if (!File.Exists(dynalite))
        {
            throw new InvalidOperationException($"{dynalite} is missing: run 'bash tools/bootstrap.sh' first.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dynalite, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => _output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"dynalite exited with {_process.ExitCode}: {string.Join('\n', _output)}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"dynalite did not listen on port {port} within {StartTimeout}: {string.Join('\n', _output)}");
    }

    private static async Task CreateTableAsync(AmazonDynamoDBClient client)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = TableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
        });
        while ((await client.DescribeTableAsync(TableName)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
