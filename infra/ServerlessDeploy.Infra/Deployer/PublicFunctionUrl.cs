using Amazon.CDK.AWS.Lambda;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// A function URL without IAM auth (the webhook checks GitHub's HMAC itself). Function URLs created since October
/// 2025 need two statements in the function's policy: lambda:InvokeFunctionUrl (CDK adds it) and
/// lambda:InvokeFunction limited to calls through the URL (InvokedViaFunctionUrl), which CDK 2.160 does not know yet.
/// </summary>
public static class PublicFunctionUrl
{
    public static FunctionUrl Add(Function function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var url = function.AddFunctionUrl(new FunctionUrlOptions { AuthType = FunctionUrlAuthType.NONE });
        var invoke = new CfnPermission(function, "InvokeViaFunctionUrl", new CfnPermissionProps
        {
            Action = "lambda:InvokeFunction",
            FunctionName = function.FunctionArn,
            Principal = "*",
        });
        invoke.AddPropertyOverride("InvokedViaFunctionUrl", true);
        return url;
    }
}
