namespace ServerlessDeploy.Bench;

/// <summary>
/// The on-demand prices the paper costs use: us-east-1, before free tiers, as published on AWS's pricing pages
/// (README, "Canary rollout benchmark", names the sources).
/// </summary>
internal static class AwsPrices
{
    /// <summary>Lambda duration, x86_64 (the architecture the CDK stack gives the deployer), per GB-second.</summary>
    public const decimal LambdaX86PerGbSecond = 0.0000166667m;

    /// <summary>Lambda duration, arm64, per GB-second: what the same drive would cost on Graviton.</summary>
    public const decimal LambdaArmPerGbSecond = 0.0000133334m;

    public const decimal LambdaPerRequest = 0.20m / 1_000_000;

    /// <summary>SQS standard queue, per request (SendMessage, ReceiveMessage, DeleteMessage each count).</summary>
    public const decimal SqsPerRequest = 0.40m / 1_000_000;

    /// <summary>EC2 m7g.large (2 vCPU, 8 GiB, Graviton3), Linux, per hour: an EKS worker node.</summary>
    public const decimal M7gLargePerHour = 0.0816m;

    public const decimal HoursPerMonth = 730;
}
