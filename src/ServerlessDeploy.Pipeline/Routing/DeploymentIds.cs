using System.Security.Cryptography;
using System.Text;

namespace ServerlessDeploy.Pipeline.Routing;

/// <summary>
/// A deploy request's id from what caused it (kind, app, commit or digest or message id): the same event gives the same
/// id, so the FIFO queue drops a duplicate within its 5 minutes and the idempotency record afterwards.
/// </summary>
internal static class DeploymentIds
{
    public static string Of(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
