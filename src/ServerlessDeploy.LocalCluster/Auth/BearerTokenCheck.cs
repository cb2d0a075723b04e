using System.Security.Cryptography;
using System.Text;
using ServerlessDeploy.LocalCluster.Hosting;

namespace ServerlessDeploy.LocalCluster.Auth;

/// <summary>Authenticates a request's bearer token against the configured token, or as an EKS token when allowed.</summary>
internal sealed class BearerTokenCheck(LocalClusterOptions options, TimeProvider time)
{
    public bool Allows(string? authorization)
    {
        if (!options.RequiresAuthentication)
        {
            return true;
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (options.Token is { } expected
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
        {
            return true;
        }

        return options.AcceptEksTokens && EksTokenFormat.Problem(token, time.GetUtcNow()) is null;
    }
}
