using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ServerlessDeploy.Testing.Certificates;

/// <summary>A self-signed CA made in the test, as the base64 PEM that EKS reports as certificateAuthority.data.</summary>
public static class TestCertificates
{
    public static string CaData()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.ExportCertificatePem()));
    }
}
