using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ServerlessDeploy.Aws.Eks;

namespace ServerlessDeploy.Aws.Tests.Eks;

/// <summary>The start-up check of caData, made without OpenSSL, against what OpenSSL makes of the same text on the
/// first connection: every case must get the same verdict from both.</summary>
public sealed class CaDataShapeTests
{
    private static readonly string Ec = Certificate(ECDsa.Create(ECCurve.NamedCurves.nistP256), "CN=kubernetes");
    private static readonly string Rsa = Certificate(RSA.Create(2048), "CN=eks");

    public static TheoryData<string, string, bool> Cases() => new()
    {
        { "an EC CA, as EKS reports it", Base64(Ec), true },
        { "an RSA CA", Base64(Rsa), true },
        { "a bundle of two", Base64(Ec + "\n" + Rsa), true },
        { "text around the certificate", Base64("subject=CN=kubernetes\n" + Ec + "\n# end\n"), true },
        { "a certificate and its key", Base64(Ec + "\n" + PrivateKey()), true },
        { "only a private key", Base64(PrivateKey()), false },
        { "not base64", "not base64!", false },
        { "empty", "", false },
        { "base64 of plain text", Base64("not a certificate"), false },
        { "random bytes labelled CERTIFICATE", Base64(Pem("CERTIFICATE", RandomNumberGenerator.GetBytes(300))), false },
        { "a truncated certificate", Base64(Pem("CERTIFICATE", Der(Ec)[..^12])), false },
        { "a public key labelled CERTIFICATE", Base64(Pem("CERTIFICATE", PublicKey())), false },
        { "a good certificate, then a bad one", Base64(Ec + "\n" + Pem("CERTIFICATE", RandomNumberGenerator.GetBytes(64))), false },
        { "PEM without the base64 encoding around it", Ec, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_check_agrees_with_OpenSSL(string name, string caData, bool holdsCertificates)
    {
        var openSsl = OpenSslLoads(caData);

        Assert.True(openSsl == holdsCertificates, $"{name}: OpenSSL {(openSsl ? "loads" : "refuses")} it");
        Assert.True(CaDataShape.HoldsCertificates(caData) == holdsCertificates, $"{name}: the start-up check says {!holdsCertificates}");
    }

    private static bool OpenSslLoads(string caData)
    {
        try
        {
            using var _ = new Disposing(new EksClusterEndpoint("c", new Uri("https://c.example.com"), caData, "eu-west-1").CaCertificates());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Certificate(AsymmetricAlgorithm key, string subject)
    {
        using (key)
        {
            var request = key switch
            {
                ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
                RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => throw new ArgumentException("EC or RSA", nameof(key)),
            };
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return certificate.ExportCertificatePem();
        }
    }

    private static byte[] Der(string pem) => Convert.FromBase64String(pem[pem.IndexOf('\n')..pem.LastIndexOf("-----END", StringComparison.Ordinal)]);

    private static string Pem(string label, byte[] der) => new(PemEncoding.Write(label, der));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static string PrivateKey()
    {
        using var key = ECDsa.Create();
        return Pem("PRIVATE KEY", key.ExportPkcs8PrivateKey());
    }

    private static byte[] PublicKey()
    {
        using var key = ECDsa.Create();
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>Disposes every certificate of the collection.</summary>
    private sealed class Disposing(X509Certificate2Collection certificates) : IDisposable
    {
        public void Dispose()
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }
}
