using ServerlessDeploy.LocalCluster.Hosting;
using ServerlessDeploy.Testing.Clusters;

namespace ServerlessDeploy.LocalCluster.Tests.Auth;

/// <summary>A server that requires a bearer token, and also takes well-formed, unexpired EKS tokens.</summary>
public sealed class TokenClusterFixture : ClusterFixture
{
    public const string Token = "local-test-token";

    protected override LocalClusterOptions Options => new(Token: Token, AcceptEksTokens: true) { SimulateControllers = false };
}
