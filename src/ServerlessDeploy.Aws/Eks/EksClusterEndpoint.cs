using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ServerlessDeploy.Aws.Eks;

/// <summary>One EKS cluster the deployer may reach, as the stack configures it (the CLUSTERS setting).</summary>
/// <param name="Name">The EKS cluster name: signed into the bearer token and matched against spec.destination.name.</param>
/// <param name="Endpoint">The API server URL (DescribeCluster's endpoint), matched against spec.destination.server.</param>
/// <param name="CaData">The cluster CA as base64 of its PEM (DescribeCluster's certificateAuthority.data, kubeconfig's certificate-authority-data).</param>
/// <param name="Region">The cluster's region, whose STS endpoint the token is presigned for.</param>
/// <param name="RoleArn">A role to assume for this cluster; null uses the function's own credentials.</param>
/// <param name="ClusterRead">Whether the deployer may read the whole cluster, so one list per kind covers every namespace;
/// false where its access is scoped to namespaces, so lists go per namespace.</param>
public sealed record EksClusterEndpoint(string Name, Uri Endpoint, string CaData, string Region, string? RoleArn = null, bool ClusterRead = true)
{
    /// <summary>Every problem with this entry, each naming the field; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name is empty");
        }

        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("https" or "http"))
        {
            problems.Add("endpoint is not an absolute http(s) URL");
        }

        try
        {
            new EksClusterOptions(Name ?? "", Region ?? "").Validate();
        }
        catch (ArgumentException e) when (e.ParamName == nameof(EksClusterOptions.Region))
        {
            problems.Add($"region \"{Region}\" is not a region name such as eu-west-1");
        }
        catch (ArgumentException)
        {
            // The empty name is reported above.
        }

        if (CaProblem() is { } ca)
        {
            problems.Add(ca);
        }

        if (RoleArn is not null && !RoleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"roleArn \"{RoleArn}\" is not an IAM role ARN");
        }

        return problems;
    }

    /// <summary>The CA certificates from <see cref="CaData"/>; throws <see cref="FormatException"/> when it holds none.</summary>
    public X509Certificate2Collection CaCertificates()
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(CaData ?? "")));
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"caData of cluster {Name} is not a PEM certificate: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new FormatException($"caData of cluster {Name} holds no PEM certificate");
    }

    /// <summary>Checked without loading the certificates (see <see cref="CaDataShape"/>): this runs at the functions' start-up.</summary>
    private string? CaProblem() => CaDataShape.HoldsCertificates(CaData) ? null : "caData is not base64 of a PEM certificate";
}
