namespace ServerlessDeploy.Aws.Eks;

/// <summary>Where an EKS cluster is and how to reach it; all three values come from configuration.</summary>
/// <param name="ClusterName">The cluster's name, signed into the token as the x-k8s-aws-id header.</param>
/// <param name="Region">The AWS region whose STS endpoint the token is presigned for, e.g. eu-west-1.</param>
internal sealed record EksClusterOptions(string ClusterName, string Region)
{
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterName))
        {
            throw new ArgumentException("EKS cluster name is empty", nameof(ClusterName));
        }

        if (string.IsNullOrWhiteSpace(Region) || !Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"AWS region \"{Region}\" is not a region name such as eu-west-1", nameof(Region));
        }
    }

    /// <summary>The regional STS endpoint, https://sts.&lt;region&gt;.amazonaws.com/ (.cn in the China regions).</summary>
    public Uri StsEndpoint => new($"https://sts.{Region}.amazonaws.com{(Region.StartsWith("cn-", StringComparison.Ordinal) ? ".cn" : "")}/");
}
