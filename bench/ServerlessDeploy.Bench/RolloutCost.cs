namespace ServerlessDeploy.Bench;

/// <summary>
/// One rollout's cost on paper, from its measured invocations: Lambda requests and billed GB-seconds at the deployer's
/// memory size, and the SQS requests that carry each invocation's message (sent, received, deleted: the sync's and the
/// promotion's on the deploy queue, each wake-up's as a message timer on the wake-up queue, none longer than 15
/// minutes, so no EventBridge Scheduler schedule).
/// </summary>
internal sealed record RolloutCost(int Invocations, long BilledMilliseconds)
{
    /// <summary>The deployer function's memory as the CDK stack sizes it (infra InfraSettings.DeployerDefaults).</summary>
    public const int DeployerMemoryMb = 2048;

    public const int SqsRequestsPerInvocation = 3;

    public static RolloutCost Of(IReadOnlyList<Invocation> invocations) => new(invocations.Count, invocations.Sum(i => i.BilledMilliseconds));

    public decimal GbSeconds => BilledMilliseconds / 1000m * DeployerMemoryMb / 1024m;

    public decimal LambdaUsd => Invocations * AwsPrices.LambdaPerRequest + GbSeconds * AwsPrices.LambdaX86PerGbSecond;

    /// <summary>The same drive on arm64, for comparison: the stack deploys x86_64.</summary>
    public decimal LambdaArmUsd => Invocations * AwsPrices.LambdaPerRequest + GbSeconds * AwsPrices.LambdaArmPerGbSecond;

    public decimal SqsUsd => Invocations * SqsRequestsPerInvocation * AwsPrices.SqsPerRequest;

    public decimal TotalUsd => LambdaUsd + SqsUsd;
}
