using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ServerlessDeploy.Aws.Eks;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Eks;

/// <summary>
/// The EKS connection's TLS: the cluster CA is the only trusted root, so a server whose certificate that CA issued is
/// reached (with the EKS token), and one whose certificate another CA issued, or that names another host, is refused.
/// </summary>
public sealed class EksConnectionTlsTests
{
    [Fact]
    public async Task A_server_certificate_the_cluster_CA_issued_is_trusted_and_the_request_carries_the_EKS_token()
    {
        using var ca = Authority("CN=cluster-ca");
        using var server = await TlsServer.StartAsync(Leaf(ca, "127.0.0.1"));
        using var connection = Connection(server.Port, ca);

        using var response = await Send(connection);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bearer k8s-aws-v1.", await server.AuthorizationAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_certificate_from_another_CA_is_refused()
    {
        using var ca = Authority("CN=cluster-ca");
        using var other = Authority("CN=other-ca");
        using var server = await TlsServer.StartAsync(Leaf(other, "127.0.0.1"));
        using var connection = Connection(server.Port, ca);

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(connection));
    }

    [Fact]
    public async Task A_server_certificate_for_another_host_is_refused_even_from_the_cluster_CA()
    {
        using var ca = Authority("CN=cluster-ca");
        using var server = await TlsServer.StartAsync(Leaf(ca, "10.9.8.7"));
        using var connection = Connection(server.Port, ca);

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(connection));
    }

    private static EksConnection Connection(int port, X509Certificate2 ca) => new(
        new Uri($"https://127.0.0.1:{port}"),
        [X509CertificateLoader.LoadCertificate(ca.RawData)],
        new EksTokenProvider(new EksClusterOptions("tls", "eu-west-1"), TestCredentials.Basic));

    private static async Task<HttpResponseMessage> Send(EksConnection connection)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connection.Cluster.BaseUri, "version"));
        await connection.Cluster.Authorize!(request, CancellationToken.None);
        return await connection.Cluster.Client.SendAsync(request);
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Leaf(X509Certificate2 issuer, string ipAddress)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(ipAddress));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);
        // A PFX round trip: SslStream on Linux wants a certificate whose key it can export.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <summary>An HTTPS endpoint on 127.0.0.1 answering each request 200 with a Kubernetes version, and keeping the
    /// Authorization header of the first.</summary>
    private sealed class TlsServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;
        private readonly TaskCompletionSource<string> _authorization = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private TlsServer(X509Certificate2 certificate) => _certificate = certificate;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<TlsServer> StartAsync(X509Certificate2 certificate)
        {
            var server = new TlsServer(certificate);
            server._listener.Start();
            _ = server.ServeAsync();
            return Task.FromResult(server);
        }

        public Task<string> AuthorizationAsync() => _authorization.Task.WaitAsync(TimeSpan.FromMinutes(2));

        private async Task ServeAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    return;
                }
                _ = AnswerAsync(client);
            }
        }

        private async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = _certificate,
                        ApplicationProtocols = [SslApplicationProtocol.Http11],
                    });
                    using var reader = new StreamReader(tls, Encoding.ASCII, leaveOpen: true);
                    string? line;
                    while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                    {
                        if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
                        {
                            _authorization.TrySetResult(line["Authorization:".Length..].Trim());
                        }
                    }
                    const string body = """{"major":"1","minor":"34"}""";
                    var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                    await tls.WriteAsync(Encoding.ASCII.GetBytes(response));
                }
                catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
                {
                    // The client refused the certificate: what the refusal tests expect.
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Dispose();
            _certificate.Dispose();
        }
    }
}
