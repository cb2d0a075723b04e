using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessDeploy.Git.Tests.Fixtures;

/// <summary>
/// Git's smart HTTP protocol on 127.0.0.1, served by the real <c>git http-backend</c> behind HTTP Basic
/// authentication: the way GitHub and CodeCommit serve https repositories, minus TLS.
/// Repositories are the bare ones under <c>projectRoot</c>, at <c>/&lt;folder name&gt;</c>.
/// </summary>
internal sealed class GitHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _projectRoot;
    private readonly GitCredentials _credentials;
    private readonly Task _serving;

    public GitHttpServer(string projectRoot, GitCredentials credentials)
    {
        _projectRoot = projectRoot;
        _credentials = credentials;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>How many requests were refused for missing or wrong credentials.</summary>
    public int Refusals { get; private set; }

    public string UrlOf(string repositoryFolder) => $"http://127.0.0.1:{Port}/{repositoryFolder}";

    public void Dispose()
    {
        _listener.Close();
        _ = _serving.Exception;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        // Close, not Dispose: disposing a response aborts the connection.
        var response = context.Response;
        try
        {
            await AnswerAsync(context.Request, response);
        }
        finally
        {
            response.Close();
        }
    }

    private async Task AnswerAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_credentials.Username}:{_credentials.Password}"));
        if (request.Headers["Authorization"] != expected)
        {
            Refusals++;
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", "Basic realm=\"git\"");
            return;
        }

        await RunBackendAsync(request, response);
    }

    private async Task RunBackendAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        var start = new ProcessStartInfo("git", "http-backend") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment["GIT_PROJECT_ROOT"] = _projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["REQUEST_METHOD"] = request.HttpMethod;
        start.Environment["PATH_INFO"] = request.Url!.AbsolutePath;
        start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["HTTP_CONTENT_ENCODING"] = request.Headers["Content-Encoding"] ?? "";
        start.Environment["GIT_PROTOCOL"] = request.Headers["Git-Protocol"] ?? "";
        start.Environment["REMOTE_USER"] = _credentials.Username;
        start.Environment["REMOTE_ADDR"] = "127.0.0.1";
        using var backend = Process.Start(start)!;
        await request.InputStream.CopyToAsync(backend.StandardInput.BaseStream);
        backend.StandardInput.Close();
        var output = new MemoryStream();
        await backend.StandardOutput.BaseStream.CopyToAsync(output);
        await backend.WaitForExitAsync();
        WriteCgiResponse(output.ToArray(), response);
    }

    private static void WriteCgiResponse(byte[] output, HttpListenerResponse response)
    {
        var separator = output.AsSpan().IndexOf("\r\n\r\n"u8);
        var headers = Encoding.ASCII.GetString(output, 0, separator).Split("\r\n");
        foreach (var header in headers)
        {
            var (name, value) = (header[..header.IndexOf(':', StringComparison.Ordinal)], header[(header.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value[..3], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        response.OutputStream.Write(output, separator + 4, output.Length - separator - 4);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
