using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Functions.Hosting;

/// <summary>One function's handler: an invocation's raw event in, the response body out.</summary>
internal interface IFunctionHandler
{
    Task<byte[]> HandleAsync(Invocation invocation, CancellationToken cancellationToken);
}
