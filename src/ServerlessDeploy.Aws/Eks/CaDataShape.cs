using System.Formats.Asn1;
using System.Security.Cryptography;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>
/// Whether a cluster's caData is base64 of PEM text holding at least one certificate, each CERTIFICATE item with the
/// X.509 Certificate structure (RFC 5280 4.1), as <see cref="X509Certificate2Collection"/>'s ImportFromPem reads it:
/// items with other labels are skipped, a CERTIFICATE item that does not decode spoils the whole. Checked in managed
/// code because the settings are checked at start-up and the certificate classes would load OpenSSL there, about a
/// fifth of a function's init; the certificates are loaded, through OpenSSL, on the first connection to the cluster.
/// </summary>
internal static class CaDataShape
{
    private const string CertificateLabel = "CERTIFICATE";

    private static readonly Asn1Tag Version = new(TagClass.ContextSpecific, 0, isConstructed: true);

    public static bool HoldsCertificates(string? caData)
    {
        var pem = PemText(caData);
        if (pem is null)
        {
            return false;
        }

        var certificates = 0;
        ReadOnlySpan<char> rest = pem;
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual(CertificateLabel))
            {
                var der = new byte[fields.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) || !IsCertificate(der.AsMemory(0, written)))
                {
                    return false;
                }
                certificates++;
            }
            rest = rest[fields.Location.End..];
        }
        return certificates > 0;
    }

    private static string? PemText(string? caData)
    {
        var bytes = new byte[((caData?.Length ?? 0) * 3 / 4) + 3];
        return Convert.TryFromBase64String(caData ?? "", bytes, out var written)
            ? System.Text.Encoding.ASCII.GetString(bytes, 0, written)
            : null;
    }

    /// <summary>Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }.</summary>
    private static bool IsCertificate(ReadOnlyMemory<byte> der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER);
            var certificate = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            ReadToBeSigned(certificate.ReadSequence());
            certificate.ReadSequence(); // signatureAlgorithm
            certificate.ReadBitString(out _); // signatureValue
            certificate.ThrowIfNotEmpty();
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>TBSCertificate up to its public key; the optional unique ids and extensions after it are left to OpenSSL.</summary>
    private static void ReadToBeSigned(AsnReader tbs)
    {
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Version))
        {
            var version = tbs.ReadSequence(Version);
            version.ReadIntegerBytes();
            version.ThrowIfNotEmpty();
        }

        tbs.ReadIntegerBytes(); // serialNumber
        tbs.ReadSequence(); // signature
        tbs.ReadSequence(); // issuer
        var validity = tbs.ReadSequence();
        ReadTime(validity);
        ReadTime(validity);
        validity.ThrowIfNotEmpty();
        tbs.ReadSequence(); // subject
        var publicKey = tbs.ReadSequence();
        publicKey.ReadSequence();
        publicKey.ReadBitString(out _);
        publicKey.ThrowIfNotEmpty();
    }

    private static void ReadTime(AsnReader validity)
    {
        if (validity.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime))
        {
            validity.ReadUtcTime();
        }
        else
        {
            validity.ReadGeneralizedTime();
        }
    }
}
